package io.polygraph.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signatures taken from a folder of real scanned signatures: each customer is assigned a real
 * writer, whose genuine files are their signatures and whose forged files are forgeries of them.
 *
 * <p>Layout: {@code <root>/<writer>/genuine/*.png} and {@code <root>/<writer>/forged/*.png}.
 * Writers are assigned in a seed-shuffled order, cycling when there are more customers than writers
 * (such customers share a writer; "other writer" always means a different writer, not just another
 * customer). The enrolment signature is one genuine file, fixed per customer; presented genuine
 * signatures are the writer's other genuine files. Images are kept as read, so their sizes vary.
 * Files are read once and cached; the studio is safe to share between threads.
 */
final class RealSignatureLibrary implements SignatureStudio {

    private static final Logger LOG = LoggerFactory.getLogger(RealSignatureLibrary.class);

    /** One real writer's files, sorted by name. */
    record RealWriter(String name, List<Path> genuine, List<Path> forged) {}

    private final List<RealWriter> writers;
    private final long seed;
    private final Map<Path, SignatureBitmap> cache = new ConcurrentHashMap<>();

    private RealSignatureLibrary(List<RealWriter> writers, long seed) {
        this.writers = List.copyOf(writers);
        this.seed = seed;
    }

    /**
     * Scans {@code root}. Writers with fewer than two genuine or no forged PNG files are left out.
     *
     * @throws IllegalArgumentException naming the folder when it is missing or holds fewer than two
     *     usable writers
     */
    static RealSignatureLibrary open(Path root, long seed) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "signature folder "
                            + root.toAbsolutePath()
                            + " does not exist or is not a directory; expected"
                            + " <root>/<writer>/genuine/*.png and <root>/<writer>/forged/*.png");
        }
        List<RealWriter> usable = new ArrayList<>();
        for (Path folder : sortedChildren(root)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> genuine = pngs(folder.resolve("genuine"));
            List<Path> forged = pngs(folder.resolve("forged"));
            if (genuine.size() >= 2 && !forged.isEmpty()) {
                usable.add(new RealWriter(folder.getFileName().toString(), genuine, forged));
            } else {
                LOG.warn(
                        "Skipping signature writer folder {}: needs 2 genuine and 1 forged PNG",
                        folder);
            }
        }
        if (usable.size() < 2) {
            throw new IllegalArgumentException(
                    "signature folder "
                            + root.toAbsolutePath()
                            + " holds "
                            + usable.size()
                            + " usable writers, at least 2 are needed (each"
                            + " <writer>/genuine with 2+ PNG files and <writer>/forged with 1+)");
        }
        LOG.info("Using {} real signature writers from {}", usable.size(), root);
        return new RealSignatureLibrary(shuffled(usable, seed), seed);
    }

    /** The writer assigned to a customer. */
    RealWriter writerOf(int customer) {
        return writers.get(customer % writers.size());
    }

    @Override
    public SignatureBitmap enrolment(int customer, SplittableRandom random) {
        RealWriter writer = writerOf(customer);
        return load(writer.genuine().get(enrolmentFile(customer, writer)));
    }

    @Override
    public SignatureBitmap genuine(int customer, SplittableRandom random) {
        RealWriter writer = writerOf(customer);
        int enrolment = enrolmentFile(customer, writer);
        int pick = random.nextInt(writer.genuine().size() - 1);
        return load(writer.genuine().get(pick >= enrolment ? pick + 1 : pick));
    }

    @Override
    public SignatureBitmap forgery(int customer, SplittableRandom random) {
        return load(WeightedPick.uniform(writerOf(customer).forged(), random));
    }

    @Override
    public SignatureBitmap otherWriter(int customer, SplittableRandom random) {
        int own = customer % writers.size();
        int pick = random.nextInt(writers.size() - 1);
        RealWriter other = writers.get(pick >= own ? pick + 1 : pick);
        return load(WeightedPick.uniform(other.genuine(), random));
    }

    private int enrolmentFile(int customer, RealWriter writer) {
        return RandomStreams.of(seed, "real-enrolment", customer).nextInt(writer.genuine().size());
    }

    private SignatureBitmap load(Path file) {
        return cache.computeIfAbsent(file, RealSignatureLibrary::read);
    }

    private static SignatureBitmap read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int[] size = PngCodec.size(bytes, file.toString());
            return new SignatureBitmap(bytes, size[0], size[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read signature image " + file, e);
        }
    }

    private static List<RealWriter> shuffled(List<RealWriter> writers, long seed) {
        List<RealWriter> order = new ArrayList<>(writers);
        SplittableRandom random = RandomStreams.of(seed, "real-writers", 0);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            RealWriter swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }

    private static List<Path> pngs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return sortedChildren(folder).stream()
                .filter(Files::isRegularFile)
                .filter(
                        path ->
                                path.getFileName()
                                        .toString()
                                        .toLowerCase(Locale.ROOT)
                                        .endsWith(".png"))
                .toList();
    }

    private static List<Path> sortedChildren(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list signature folder " + folder, e);
        }
    }
}
