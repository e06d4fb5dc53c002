package io.shmbench.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The type and owner of a directory entry itself, never of what a symbolic link points to: what
 * attach and clean check before they trust a name in a directory others can write to.
 */
record EntryAttributes(PosixFileAttributes posix, int ownerUid) {
    static EntryAttributes read(Path path) throws IOException {
        return new EntryAttributes(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS),
                (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }
}
