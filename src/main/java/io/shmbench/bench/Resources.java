package io.shmbench.bench;

/** Tear-down help: closes everything it is given, even when one of them fails. */
final class Resources {
    private Resources() {
    }

    /**
     * Closes each non-null resource in the order given; a failure does not stop the others. The
     * first failure is rethrown at the end (JMH then marks the run failed), later ones added to it.
     */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("cannot release " + resource + ": " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
