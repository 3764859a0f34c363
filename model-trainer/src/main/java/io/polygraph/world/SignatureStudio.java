package io.polygraph.world;

import java.util.SplittableRandom;

/**
 * Produces the signature images of a world's customers: the reference kept at enrolment, and the
 * signatures presented with transactions, genuine or not.
 *
 * <p>Implementations are deterministic in their arguments (the random stream carries the seed) and
 * safe to call from several threads, because the generator renders customers in parallel.
 */
interface SignatureStudio {

    /** The customer's reference signature, kept by the bank. */
    SignatureBitmap enrolment(int customer, SplittableRandom random);

    /** A fresh genuine signature of the customer: like the reference, not the same image. */
    SignatureBitmap genuine(int customer, SplittableRandom random);

    /** Someone else imitating the customer's signature. */
    SignatureBitmap forgery(int customer, SplittableRandom random);

    /** The genuine signature of another writer than the customer's. */
    SignatureBitmap otherWriter(int customer, SplittableRandom random);
}
