package io.polygraph.data;

import java.io.IOException;
import java.nio.file.Path;

/** One physical line of a text file, kept with its coordinates so that errors can name them. */
record SourceLine(Path path, int number, String text) {

    /** An error reading {@code path:number: what}. */
    IOException error(String what) {
        return new IOException(path + ":" + number + ": " + what);
    }
}
