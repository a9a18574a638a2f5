package io.go4j.race;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Instruments one application class: every field and array access (but those of static
 * initializers, which the JVM orders before any use of the class, and of final fields), monitor
 * enter and exit, synchronized methods, and the calls that make Java's own happens-before edges
 * ({@code Thread.start}, {@code join}, {@code Object.wait}, {@code java.util.concurrent}).
 */
final class ClassInstrumenter extends ClassVisitor {

    private static final String HOOKS = "io/go4j/race/Hooks";
    /** The types of the tasks that {@code java.util.concurrent} runs in other threads. */
    private static final Set<String> TASKS = Set.of("Ljava/lang/Runnable;",
            "Ljava/util/concurrent/Callable;", "Ljava/util/function/Supplier;");
    private static final String SCHEDULER = "Ljava/util/concurrent/ScheduledExecutorService;";
    private static final String EXECUTOR = "Ljava/util/concurrent/ExecutorService;";
    /**
     * The calls whose tasks are not the last argument, by name and descriptor, and the type of
     * the receiver that {@link Hooks}'s replacement of the same name takes first.
     */
    private static final Map<String, String> TASKS_INSIDE = Map.of(
            "schedule(Ljava/lang/Runnable;JLjava/util/concurrent/TimeUnit;)", SCHEDULER,
            "schedule(Ljava/util/concurrent/Callable;JLjava/util/concurrent/TimeUnit;)", SCHEDULER,
            "scheduleAtFixedRate(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)", SCHEDULER,
            "scheduleWithFixedDelay(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)",
            SCHEDULER,
            "invokeAll(Ljava/util/Collection;)", EXECUTOR,
            "invokeAll(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)", EXECUTOR,
            "invokeAny(Ljava/util/Collection;)", EXECUTOR,
            "invokeAny(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)", EXECUTOR);

    private final Fields fields;
    /** Whether a class (internal name) is instrumented: calls into it go on the shadow stack. */
    private final Predicate<String> instrumented;
    private final Map<String, Integer> ownFields = new HashMap<>();
    private String className;
    private String superName;
    private String source;
    /** Whether this class's fields were told to {@link Fields}: before its first method. */
    private boolean learned;

    ClassInstrumenter(ClassVisitor next, Fields fields, Predicate<String> instrumented) {
        super(Opcodes.ASM9, next);
        this.fields = fields;
        this.instrumented = instrumented;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        this.className = name;
        this.superName = superName;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.source = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String desc, String signature,
            Object value) {
        ownFields.put(name, access);
        return super.visitField(access, name, desc, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String signature,
            String[] exceptions) {
        if (!learned) {
            learned = true;
            Fields.learn(className, superName, Map.copyOf(ownFields));
        }
        MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
        if (mv == null || name.equals("<clinit>")
                || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        return new Method(mv, access, name);
    }

    /**
     * The rewriting of one method's code. Besides the accesses, the calls into instrumented
     * classes go on the thread's shadow stack ({@code Hooks.call} before, {@code Hooks.ret}
     * after) and the start of each exception handler cuts it back ({@code Hooks.caught}), so
     * that a report can rebuild the stack of an earlier access from the thread's history.
     */
    private final class Method extends MethodVisitor {

        private final int methodId = Sites.method();
        /** The handlers' first labels; the instruction after one gets {@code Hooks.caught}. */
        private final Set<Label> handlers = new HashSet<>();
        private boolean atHandler;
        private final String name;
        private final boolean synchronizedMethod;
        private final boolean isStatic;
        private int line = -1;
        /** In a constructor: objects created but not yet initialized, to find the super() call. */
        private int pendingNews;
        /**
         * False in a constructor until {@code this} is initialized: it may not be passed before.
         */
        private boolean thisReady;

        Method(MethodVisitor mv, int access, String name) {
            super(Opcodes.ASM9, mv);
            this.name = name;
            this.synchronizedMethod = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.thisReady = !name.equals("<init>");
        }

        private int site(int field) {
            return Sites.add(new Sites.Site(className.replace('/', '.'), name, source, line, field,
                    methodId));
        }

        private void hook(String method, String desc) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, method, desc, false);
        }

        private void pushMonitor() {
            if (isStatic) {
                super.visitLdcInsn(Type.getObjectType(className));
            } else {
                super.visitVarInsn(Opcodes.ALOAD, 0);
            }
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (synchronizedMethod) {
                pushMonitor();
                hook("acquire", "(Ljava/lang/Object;)V");
            }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            handlers.add(handler);
            super.visitTryCatchBlock(start, end, handler, type);
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            if (handlers.contains(label)) {
                atHandler = true;
            }
        }

        /** Before each instruction of the original code: after a handler's label, the cut. */
        private void instruction() {
            if (atHandler) {
                atHandler = false;
                super.visitLdcInsn(methodId);
                hook("caught", "(I)V");
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            instruction();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                Object... bootstrapArguments) {
            instruction();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            instruction();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            instruction();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            instruction();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            instruction();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitInsn(int opcode) {
            instruction();
            switch (opcode) {
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
                        Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> {
                    super.visitInsn(Opcodes.DUP2);
                    super.visitLdcInsn(site(-1));
                    hook("readElement", "(Ljava/lang/Object;II)V");
                }
                case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                        Opcodes.CASTORE,
                        Opcodes.SASTORE -> {
                    // array, index, value -> array, index, value, array, index
                    super.visitInsn(Opcodes.DUP_X2);
                    super.visitInsn(Opcodes.POP);
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitLdcInsn(site(-1));
                    hook("writeElement", "(Ljava/lang/Object;II)V");
                }
                case Opcodes.LASTORE, Opcodes.DASTORE -> {
                    super.visitInsn(Opcodes.DUP2_X2);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP2_X2);
                    super.visitLdcInsn(site(-1));
                    hook("writeElement", "(Ljava/lang/Object;II)V");
                }
                case Opcodes.MONITOREXIT -> {
                    super.visitInsn(Opcodes.DUP);
                    hook("release", "(Ljava/lang/Object;)V");
                }
                case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN,
                        Opcodes.ARETURN,
                        Opcodes.RETURN, Opcodes.ATHROW -> {
                    if (synchronizedMethod) {
                        pushMonitor();
                        hook("release", "(Ljava/lang/Object;)V");
                    }
                }
                case Opcodes.MONITORENTER -> {
                    super.visitInsn(Opcodes.DUP);
                    super.visitInsn(opcode);
                    hook("acquire", "(Ljava/lang/Object;)V");
                    return;
                }
                default -> {
                }
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction();
            if (opcode == Opcodes.NEW) {
                pendingNews++;
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fieldName, String desc) {
            instruction();
            boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
            Fields.Kind kind = fields.kind(owner, fieldName);
            if (kind == Fields.Kind.FINAL || (instance && !thisReady)) {
                super.visitFieldInsn(opcode, owner, fieldName, desc);
                return;
            }
            int field = Sites.field(owner, fieldName);
            boolean wide = Type.getType(desc).getSize() == 2;
            boolean volatileField = kind == Fields.Kind.VOLATILE;
            switch (opcode) {
                case Opcodes.GETFIELD -> {
                    super.visitInsn(Opcodes.DUP);
                    if (volatileField) {
                        super.visitFieldInsn(opcode, owner, fieldName, desc);
                        // object, value -> value, object
                        if (wide) {
                            super.visitInsn(Opcodes.DUP2_X1);
                            super.visitInsn(Opcodes.POP2);
                        } else {
                            super.visitInsn(Opcodes.SWAP);
                        }
                        callAccessHook(field, true, true, false);
                        return;
                    }
                    callAccessHook(field, false, true, false);
                }
                case Opcodes.PUTFIELD -> {
                    // object, value -> object, value, object
                    if (wide) {
                        super.visitInsn(Opcodes.DUP2_X1);
                        super.visitInsn(Opcodes.POP2);
                        super.visitInsn(Opcodes.DUP_X2);
                    } else {
                        super.visitInsn(Opcodes.DUP2);
                        super.visitInsn(Opcodes.POP);
                    }
                    callAccessHook(field, volatileField, true, true);
                }
                case Opcodes.GETSTATIC -> {
                    if (volatileField) {
                        super.visitFieldInsn(opcode, owner, fieldName, desc);
                        callAccessHook(field, true, false, false);
                        return;
                    }
                    callAccessHook(field, false, false, false);
                }
                default -> callAccessHook(field, volatileField, false, true);
            }
            super.visitFieldInsn(opcode, owner, fieldName, desc);
        }

        /**
         * Calls the hook of one field access ({@code read}, {@code writeVolatileStatic}, ...):
         * pushes the field's number and, for a plain field, the site's; an instance field's
         * object must be on top of the stack already.
         */
        private void callAccessHook(int field, boolean volatileField, boolean instance,
                boolean write) {
            String name = (write ? "write" : "read") + (volatileField ? "Volatile" : "")
                    + (instance ? "" : "Static");
            String receiver = instance ? "Ljava/lang/Object;" : "";
            super.visitLdcInsn(field);
            if (volatileField) {
                hook(name, "(" + receiver + "I)V");
            } else {
                super.visitLdcInsn(site(field));
                hook(name, "(" + receiver + "II)V");
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String desc,
                boolean itf) {
            instruction();
            if (!owner.startsWith("[") && instrumented.test(owner)) {
                super.visitLdcInsn(site(-1));
                hook("call", "(I)V");
                visitCall(opcode, owner, method, desc, itf);
                hook("ret", "()V");
            } else {
                visitCall(opcode, owner, method, desc, itf);
            }
        }

        private void visitCall(int opcode, String owner, String method, String desc, boolean itf) {
            if (opcode == Opcodes.INVOKESPECIAL && method.equals("<init>")) {
                if (pendingNews > 0) {
                    pendingNews--;
                } else {
                    thisReady = true;
                }
                super.visitMethodInsn(opcode, owner, method, desc, itf);
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("wait")
                    && (desc.equals("()V") || desc.equals("(J)V"))) {
                hook("await", desc.equals("()V") ? "(Ljava/lang/Object;)V"
                        : "(Ljava/lang/Object;J)V");
                return;
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread")
                    && method.equals("startVirtualThread")) {
                hook("startVirtualThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;");
                return;
            }
            if (opcode == Opcodes.INVOKEINTERFACE && owner.startsWith("java/lang/Thread$Builder")
                    && method.equals("start")
                    && desc.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")) {
                hook("start", "(Ljava/lang/Thread$Builder;Ljava/lang/Runnable;)Ljava/lang/Thread;");
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("start") && desc.equals("()V")) {
                super.visitInsn(Opcodes.DUP);
                hook("starting", "(Ljava/lang/Object;)V");
                super.visitMethodInsn(opcode, owner, method, desc, itf);
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("join") && desc.equals("()V")) {
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(opcode, owner, method, desc, itf);
                hook("joined", "(Ljava/lang/Object;)V");
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("join") && desc.equals("(J)V")) {
                // thread, millis -> thread, thread, millis
                super.visitInsn(Opcodes.DUP2_X1);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
                super.visitMethodInsn(opcode, owner, method, desc, itf);
                hook("joined", "(Ljava/lang/Object;)V");
                return;
            }
            if (owner.startsWith("java/util/concurrent/")) {
                String receiver = opcode == Opcodes.INVOKESTATIC ? null
                        : TASKS_INSIDE.get(method + desc.substring(0, desc.indexOf(')') + 1));
                if (receiver != null) {
                    // the receiver becomes the first argument of Hooks's method of that name
                    hook("beforeConcurrent", "()V");
                    hook(method, "(" + receiver + desc.substring(1));
                    hook("afterConcurrent", "()V");
                    return;
                }
                Type[] args = Type.getArgumentTypes(desc);
                int n = args.length;
                String last = n == 0 ? "" : args[n - 1].getDescriptor();
                if (TASKS.contains(last)) {
                    hook("task", "(" + last + ")" + last);
                } else if (n >= 2 && last.equals("Ljava/util/concurrent/Executor;")
                        && TASKS.contains(args[n - 2].getDescriptor())) {
                    // task, executor: wrap the task under the executor (CompletableFuture's
                    // ...Async)
                    String task = args[n - 2].getDescriptor();
                    super.visitInsn(Opcodes.SWAP);
                    hook("task", "(" + task + ")" + task);
                    super.visitInsn(Opcodes.SWAP);
                }
                hook("beforeConcurrent", "()V");
                super.visitMethodInsn(opcode, owner, method, desc, itf);
                hook("afterConcurrent", "()V");
                return;
            }
            super.visitMethodInsn(opcode, owner, method, desc, itf);
        }
    }
}
