package io.polygraph.topic.confluent;

/**
 * The schema registry answered, but refused a request in a way no retry will fix and that says
 * nothing about one record: authentication failed (401, 403), a schema was refused on registration
 * (409 incompatible, 422 invalid), or a 404 that is not the registry's "schema not found" (a wrong
 * URL). Fails the job rather than dead-lettering valid records under a misconfiguration.
 */
public final class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaRegistryException(String message) {
        super(message);
    }
}
