package io.polygraph.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Signatures rendered from synthetic writers, one writer per customer; needs no data.
 *
 * <p>Writers are created up front from the world's seed (cheap: a name and a style each) and only
 * read afterwards, so the studio is safe to share between threads.
 */
final class ProceduralSignatureStudio implements SignatureStudio {

    private final List<ProceduralWriter> writers;

    ProceduralSignatureStudio(long seed, int customers) {
        List<ProceduralWriter> created = new ArrayList<>(customers);
        for (int customer = 0; customer < customers; customer++) {
            created.add(ProceduralWriter.create(RandomStreams.of(seed, "writer", customer)));
        }
        this.writers = List.copyOf(created);
    }

    /** The synthetic writer of a customer. */
    ProceduralWriter writer(int customer) {
        return writers.get(customer);
    }

    @Override
    public SignatureBitmap enrolment(int customer, SplittableRandom random) {
        return genuine(customer, random);
    }

    @Override
    public SignatureBitmap genuine(int customer, SplittableRandom random) {
        ProceduralWriter writer = writers.get(customer);
        return ProceduralSignatureRenderer.render(writer.skeleton(), writer.style(), random);
    }

    @Override
    public SignatureBitmap forgery(int customer, SplittableRandom random) {
        ProceduralWriter victim = writers.get(customer);
        WriterStyle forger = WriterStyle.forger(victim.style(), random);
        return ProceduralSignatureRenderer.render(victim.skeleton(), forger, random);
    }

    @Override
    public SignatureBitmap otherWriter(int customer, SplittableRandom random) {
        if (writers.size() < 2) {
            // A one-customer world has no other customer: a stranger signs.
            ProceduralWriter stranger = ProceduralWriter.create(random);
            return ProceduralSignatureRenderer.render(
                    stranger.skeleton(), stranger.style(), random);
        }
        int other = random.nextInt(writers.size() - 1);
        return genuine(other >= customer ? other + 1 : other, random);
    }
}
