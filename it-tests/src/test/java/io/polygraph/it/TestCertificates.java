package io.polygraph.it;

import io.polygraph.deploy.kafka.TlsStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority with a broker certificate (SAN 127.0.0.1 and localhost) and a
 * client certificate, made with the JDK's {@code keytool} into PKCS12 stores, so that a test runs
 * TLS without checked-in keys or extra libraries.
 *
 * <p>EC keys, because they are generated in milliseconds where RSA keys take a while on a busy
 * machine. Every store gets its own random password; {@link #toString()} shows none.
 */
final class TestCertificates {

    private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

    private final Path dir;
    private final String caPassword = randomPassword();
    private final String truststorePassword = randomPassword();

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The broker's and the client's stores, both trusting the same fresh CA. */
    record Stores(TlsStores broker, TlsStores client, TlsStores trustOnly) {}

    /**
     * Generates a CA, signs a broker certificate and a client certificate whose subject is {@code
     * CN=<clientName>}, and writes the stores into {@code dir}.
     */
    static Stores generate(Path dir, String clientName) throws IOException, InterruptedException {
        return new TestCertificates(dir).generate(clientName);
    }

    private Stores generate(String clientName) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path caCertificate = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=Polygraph test CA",
                "-ext",
                "bc:c",
                "-keystore",
                ca.toString(),
                "-storepass",
                caPassword);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                caPassword,
                "-file",
                caCertificate.toString());
        Path truststore = dir.resolve("truststore.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCertificate.toString(),
                "-keystore",
                truststore.toString(),
                "-storepass",
                truststorePassword);
        TlsStores trustOnly = TlsStores.trustOnly(truststore, truststorePassword);
        TlsStores broker =
                signed(
                        "broker",
                        "CN=localhost",
                        "san=ip:127.0.0.1,dns:localhost",
                        ca,
                        caCertificate,
                        trustOnly);
        TlsStores client = signed("client", "CN=" + clientName, null, ca, caCertificate, trustOnly);
        return new Stores(broker, client, trustOnly);
    }

    /** A key pair signed by the CA, in a keystore holding the whole chain. */
    private TlsStores signed(
            String name,
            String subject,
            String subjectAlternativeNames,
            Path ca,
            Path caCertificate,
            TlsStores trust)
            throws IOException, InterruptedException {
        String password = randomPassword();
        Path keystore = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-dname",
                subject,
                "-keystore",
                keystore.toString(),
                "-storepass",
                password);
        keytool(
                "-certreq",
                "-alias",
                name,
                "-keystore",
                keystore.toString(),
                "-storepass",
                password,
                "-file",
                request.toString());
        List<String> sign =
                new ArrayList<>(
                        List.of(
                                "-gencert",
                                "-rfc",
                                "-alias",
                                "ca",
                                "-keystore",
                                ca.toString(),
                                "-storepass",
                                caPassword,
                                "-infile",
                                request.toString(),
                                "-outfile",
                                certificate.toString(),
                                "-ext",
                                "eku=serverAuth,clientAuth"));
        if (subjectAlternativeNames != null) {
            sign.addAll(List.of("-ext", subjectAlternativeNames));
        }
        keytool(sign.toArray(String[]::new));
        // The CA first, so that keytool can build the chain when the signed certificate comes in.
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCertificate.toString(),
                "-keystore",
                keystore.toString(),
                "-storepass",
                password);
        keytool(
                "-importcert",
                "-alias",
                name,
                "-file",
                certificate.toString(),
                "-keystore",
                keystore.toString(),
                "-storepass",
                password);
        return new TlsStores(keystore, password, trust.truststore(), trust.truststorePassword());
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(KEYTOOL.toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12"));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
        }
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            // The command line holds store passwords: report the step and keytool's output only.
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    private static String randomPassword() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
