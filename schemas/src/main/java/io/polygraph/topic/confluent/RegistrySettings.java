package io.polygraph.topic.confluent;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the schema registry is and how to authenticate to it. Serializable, so that a codec can
 * carry it to the task managers; {@link #toString()} never shows the credentials.
 *
 * @param url the registry's base URL, {@code http://} or {@code https://}
 * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null for none
 */
public record RegistrySettings(URI url, String basicAuthUserInfo) implements Serializable {

    public RegistrySettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("registry URL must be http:// or https://");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("registry URL has no host");
        }
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            // The value itself is left out of the message: it is a credential.
            throw new IllegalArgumentException("basic auth user info must be user:password");
        }
    }

    /** A registry at {@code url} without authentication. */
    public static RegistrySettings at(String url) {
        return new RegistrySettings(URI.create(url), null);
    }

    /**
     * These settings with HTTP basic authentication as {@code userInfo} ({@code user:password}).
     */
    public RegistrySettings withBasicAuth(String userInfo) {
        return new RegistrySettings(url, userInfo);
    }

    /** The credentials for HTTP basic authentication, if any. */
    public Optional<String> basicAuth() {
        return Optional.ofNullable(basicAuthUserInfo);
    }

    /** The URL for logs and messages: scheme, host, port and path, never user info in it. */
    public String describeUrl() {
        return url.getScheme()
                + "://"
                + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "RegistrySettings[url="
                + describeUrl()
                + ", basicAuth="
                + (basicAuthUserInfo == null ? "none" : "****")
                + "]";
    }
}
