package io.polygraph.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps every log line of this JVM from INFO up, stack traces included, so that a test can check
 * what the job, Flink and the Kafka clients wrote (e.g. that no secret is among it). The console
 * keeps the level it had: only the captured copy gets the INFO lines.
 */
final class CapturedLogs implements AutoCloseable {

    private static final String NAME = "captured-for-test";

    private final List<String> lines = new ArrayList<>();
    private final LoggerContext context;
    private final Level rootLevelBefore;
    private final Appender appender;

    private CapturedLogs() {
        context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        rootLevelBefore = root.getLevel();
        appender =
                new AbstractAppender(NAME, null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        keep(event);
                    }
                };
        appender.start();
        // The existing appenders stay at the old root level, so the console is not flooded.
        for (Map.Entry<String, Appender> existing : Map.copyOf(root.getAppenders()).entrySet()) {
            root.removeAppender(existing.getKey());
            root.addAppender(existing.getValue(), rootLevelBefore, null);
        }
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    /** Starts capturing. */
    static CapturedLogs start() {
        return new CapturedLogs();
    }

    private void keep(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    /** Number of lines captured so far. */
    int size() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The captured lines that contain any of {@code needles}. */
    List<String> linesContainingAny(Collection<String> needles) {
        synchronized (lines) {
            return lines.stream().filter(l -> needles.stream().anyMatch(l::contains)).toList();
        }
    }

    /** Whether some captured line contains {@code text}. */
    boolean contains(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    @Override
    public void close() {
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(NAME);
        root.setLevel(rootLevelBefore);
        context.updateLoggers();
        appender.stop();
    }
}
