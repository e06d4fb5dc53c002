package io.shmbench.run;

import java.io.IOException;
import java.io.OutputStream;

/** Writes everything to two streams: the console and run.log. */
final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        first.write(b);
        second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        second.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        first.flush();
        second.flush();
    }

    /** Closes only the second stream; the console stays open. */
    @Override
    public synchronized void close() throws IOException {
        flush();
        second.close();
    }
}
