package io.polygraph.deploy.kafka;

/**
 * The client listeners a {@link LocalKafkaBroker} can open, each named after its security protocol.
 */
public enum KafkaListener {
    /** No encryption, no authentication: the default, and the broker's own internal listener. */
    PLAINTEXT,
    /** TLS with SASL/SCRAM-SHA-512 user names and passwords. */
    SASL_SSL,
    /** TLS with client certificates required: the principal is the certificate's CN. */
    SSL
}
