package io.polygraph.deploy.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The secured listeners of a {@link LocalKafkaBroker}: a {@link KafkaListener#SASL_SSL} listener
 * with SCRAM-SHA-512 users, a {@link KafkaListener#SSL} listener that requires client certificates,
 * or both, plus ACLs enforced by KRaft's {@code StandardAuthorizer}.
 *
 * <p>The broker keeps its {@link KafkaListener#PLAINTEXT} listener on 127.0.0.1 for itself and for
 * test set-up: in KRaft combined mode the broker reaches its own controller as {@code
 * User:ANONYMOUS} over a plaintext listener, and that principal must be a super user once ACLs are
 * on. A production cluster secures those listeners too; for a loopback test broker, that is not
 * what is under test.
 *
 * <p>SCRAM users are written into the metadata log when the storage is formatted, so they exist
 * before the first client connects. {@link #toString()} leaves every password out.
 *
 * <pre>{@code
 * BrokerSecurity security = BrokerSecurity.tls(brokerStores)
 *         .withScramUser("admin", adminPassword)
 *         .withScramUser("polygraph", jobPassword)
 *         .withMutualTls()
 *         .withAcls(Set.of("User:admin"));
 * }</pre>
 *
 * @param tls the broker's keystore and the truststore of the CA that signs client certificates;
 *     null for no secured listener at all
 * @param scramUsers SCRAM-SHA-512 user names and passwords; a SASL_SSL listener is opened when
 *     there is at least one
 * @param mutualTls whether to open an SSL listener with {@code ssl.client.auth=required}
 * @param acls whether ACLs are enforced (no ACL, no access)
 * @param superUsers principals ({@code User:name}) allowed everything when ACLs are enforced
 */
public record BrokerSecurity(
        TlsStores tls,
        Map<String, String> scramUsers,
        boolean mutualTls,
        boolean acls,
        Set<String> superUsers) {

    /** SCRAM mechanism of the SASL_SSL listener. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** The principal of the plaintext and controller listeners. */
    static final String INTERNAL_PRINCIPAL = "User:ANONYMOUS";

    /** Nothing secured: a plaintext listener only, no ACLs. */
    public static final BrokerSecurity NONE =
            new BrokerSecurity(null, Map.of(), false, false, Set.of());

    /**
     * Maps a client certificate's subject to the principal {@code User:<CN>}, so that ACLs name
     * {@code User:polygraph-job} rather than a whole distinguished name.
     */
    static final String PRINCIPAL_FROM_CN = "RULE:^CN=([^,]+)(,.*)?$/$1/,DEFAULT";

    public BrokerSecurity {
        scramUsers = Map.copyOf(scramUsers);
        superUsers = Set.copyOf(superUsers);
        if (tls == null && (!scramUsers.isEmpty() || mutualTls)) {
            throw new IllegalArgumentException("secured listeners need the broker's TLS stores");
        }
        if (tls != null && !tls.hasKeystore()) {
            throw new IllegalArgumentException("the broker needs a keystore with its certificate");
        }
        // The storage formatter parses "name=...,password=..." without escapes.
        scramUsers.forEach(
                (user, password) -> {
                    if (!user.matches("[A-Za-z0-9._-]+")) {
                        throw new IllegalArgumentException("unsupported SCRAM user name: " + user);
                    }
                    if (!password.matches("[A-Za-z0-9._~!@#$%^&*+/-]+")) {
                        // The message must not echo the password.
                        throw new IllegalArgumentException(
                                "the password of SCRAM user "
                                        + user
                                        + " has characters the storage formatter cannot take");
                    }
                });
    }

    /** TLS stores for the secured listeners; add users, mutual TLS and ACLs with the withers. */
    public static BrokerSecurity tls(TlsStores brokerStores) {
        Objects.requireNonNull(brokerStores, "brokerStores");
        return new BrokerSecurity(brokerStores, Map.of(), false, false, Set.of());
    }

    /** Adds a SCRAM-SHA-512 user, and with the first one, the SASL_SSL listener. */
    public BrokerSecurity withScramUser(String name, String password) {
        Map<String, String> users = new LinkedHashMap<>(scramUsers);
        users.put(
                Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
        return new BrokerSecurity(tls, users, mutualTls, acls, superUsers);
    }

    /** Opens the SSL listener, which requires a client certificate signed by the trusted CA. */
    public BrokerSecurity withMutualTls() {
        return new BrokerSecurity(tls, scramUsers, true, acls, superUsers);
    }

    /** Enforces ACLs, with these principals ({@code User:name}) allowed everything. */
    public BrokerSecurity withAcls(Set<String> superUsers) {
        return new BrokerSecurity(tls, scramUsers, mutualTls, true, superUsers);
    }

    /** The secured client listeners to open, besides the plaintext one. */
    List<KafkaListener> securedListeners() {
        List<KafkaListener> listeners = new ArrayList<>();
        if (!scramUsers.isEmpty()) {
            listeners.add(KafkaListener.SASL_SSL);
        }
        if (mutualTls) {
            listeners.add(KafkaListener.SSL);
        }
        return listeners;
    }

    /** Adds the TLS, SASL and authorizer settings to a broker configuration. */
    void applyTo(Properties config) {
        if (tls != null) {
            tls.sslProperties().forEach(config::put);
        }
        if (!scramUsers.isEmpty()) {
            config.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            config.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", SCRAM_MECHANISM);
            // The server side of SCRAM needs a login module entry, without credentials: those
            // are in the metadata log.
            config.put(
                    "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        if (mutualTls) {
            config.put("listener.name.ssl.ssl.client.auth", "required");
            config.put("ssl.principal.mapping.rules", PRINCIPAL_FROM_CN);
        }
        if (acls) {
            config.put(
                    "authorizer.class.name",
                    "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            Set<String> allowed = new LinkedHashSet<>(superUsers);
            allowed.add(INTERNAL_PRINCIPAL);
            config.put("super.users", String.join(";", allowed));
        }
    }

    /** The storage formatter's {@code --add-scram} arguments that create the SCRAM users. */
    List<String> scramFormatterArguments() {
        return scramUsers.entrySet().stream()
                .map(
                        user ->
                                SCRAM_MECHANISM
                                        + "=[name="
                                        + user.getKey()
                                        + ",password="
                                        + user.getValue()
                                        + "]")
                .toList();
    }

    @Override
    public String toString() {
        return "BrokerSecurity[tls="
                + tls
                + ", scramUsers="
                + scramUsers.keySet()
                + ", mutualTls="
                + mutualTls
                + ", acls="
                + acls
                + ", superUsers="
                + superUsers
                + "]";
    }
}
