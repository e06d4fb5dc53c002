package io.shmbench.shm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The one place that looks up C library functions for FFM bindings. Each binding elsewhere is a
 * single downcall built with {@link #function}; functions that report failure through errno are
 * built with {@link #functionWithErrno} and read it with {@link #errno}.
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle GETUID = function("getuid", FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR = function("strerror",
            FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(4096, ValueLayout.JAVA_BYTE)),
                    ValueLayout.JAVA_INT));

    private Libc() {
    }

    /** A downcall handle to the named libc function; fails fast when the symbol is absent. */
    public static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no function " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /**
     * A downcall handle whose first argument is a capture-state segment (allocate it with
     * {@link #allocateCallState}); errno is read from it after the call with {@link #errno}.
     */
    public static MethodHandle functionWithErrno(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(options, 0, all, 1, options.length);
        return function(name, descriptor, all);
    }

    /** Size and alignment of the capture-state segment that {@link #functionWithErrno} handles take. */
    public static MemoryLayout callStateLayout() {
        return CALL_STATE;
    }

    public static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** The C library's text for an errno value, e.g. "No such file or directory". */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** The real user id of this process: segments owned by anyone else are refused. */
    public static int getuid() {
        try {
            return (int) GETUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("getuid() failed", t);
        }
    }
}
