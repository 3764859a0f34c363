package io.polygraph.world;

import java.util.SplittableRandom;

/**
 * A synthetic person who signs: a name, a hand (how each letter is shaped) and a style.
 *
 * <p>Names are made of random syllables, so no real person's name is used and every writer's letter
 * sequence differs.
 *
 * @param givenName the writer's given name
 * @param surname the writer's surname
 * @param style how the writer moves the pen
 * @param skeleton the pen path of the writer's signature
 */
record ProceduralWriter(
        String givenName, String surname, WriterStyle style, SignatureSkeleton skeleton) {

    private static final String[] ONSETS = {
        "b", "br", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "v", "w", "z",
        "ch", "sch", "gr", "kl"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "ei", "au", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "k", "m", "t"};

    /** A new writer drawn from the stream. */
    static ProceduralWriter create(SplittableRandom random) {
        String givenName = word(1 + random.nextInt(2), random);
        String surname = word(2 + random.nextInt(2), random);
        WriterStyle style = WriterStyle.genuine(random);
        long handSeed = random.nextLong();
        boolean initialFirst = random.nextDouble() < 0.6;
        SignatureSkeleton skeleton =
                SignatureSkeleton.draft(givenName, surname, initialFirst, handSeed, style);
        return new ProceduralWriter(givenName, surname, style, skeleton);
    }

    private static String word(int syllables, SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]);
            word.append(VOWELS[random.nextInt(VOWELS.length)]);
            word.append(CODAS[random.nextInt(CODAS.length)]);
        }
        return word.toString();
    }
}
