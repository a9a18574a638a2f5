package io.go4j.race;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Chooses the classes to instrument and rewrites go4j's race hook.
 *
 * <p>Instrumented: classes of the application class loader and its children, except the JDK's,
 * go4j's own ({@code io.go4j}, but for {@code io.go4j.examples}), the agent's and the test and
 * build tools' packages below; narrowed further by the agent's {@code include} and
 * {@code exclude} options. Classes loaded before the agent (none of the application's) are not.
 */
final class Transformer implements ClassFileTransformer {

    static final String RACE_HOOK = "io/go4j/internal/race/Race";
    private static final List<String> NEVER = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "io/go4j/", "org/objectweb/asm/", "org/junit/", "junit/", "org/opentest4j/",
            "org/apiguardian/", "org/jctools/", "org/apache/maven/", "org/openjdk/jmh/", "kotlin/");
    private static final String ALWAYS = "io/go4j/examples/";

    private final Options options;
    private final Instrumentation inst;
    private final Module agentModule = Transformer.class.getModule();
    private final AtomicBoolean warned = new AtomicBoolean();

    Transformer(Options options, Instrumentation inst) {
        this.options = options;
        this.inst = inst;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (className == null || redefined != null) {
            return null;
        }
        try {
            if (className.equals(RACE_HOOK)) {
                readAgent(module);
                return rewriteHook(bytes);
            }
            if (!instrumented(loader, className)) {
                return null;
            }
            readAgent(module);
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new ClassInstrumenter(writer, new Fields(loader),
                    owner -> instrumented(loader, owner)), 0);
            return writer.toByteArray();
        } catch (Throwable e) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("go4j-race: could not instrument " + className
                        + " (left as it is): " + e);
            }
            return null;
        }
    }

    private boolean instrumented(ClassLoader loader, String name) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (!name.startsWith(ALWAYS)) {
            for (String p : NEVER) {
                if (name.startsWith(p)) {
                    return false;
                }
            }
        }
        if (name.startsWith("io/go4j/race/") || name.equals("module-info")
                || name.endsWith("/package-info")) {
            return false;
        }
        for (String p : options.exclude) {
            if (name.startsWith(p)) {
                return false;
            }
        }
        if (options.include.isEmpty()) {
            return true;
        }
        for (String p : options.include) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Instrumented code in a named module calls the agent, in the class path's unnamed module. */
    private void readAgent(Module module) {
        if (module != null && module.isNamed() && !module.canRead(agentModule)) {
            inst.redefineModule(module, Set.of(agentModule), Map.of(), Map.of(), Set.of(),
                    Map.of());
        }
    }

    /** Each static void method of go4j's hook class calls {@link Hooks}'s method of that name. */
    private static byte[] rewriteHook(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                if ((access & Opcodes.ACC_STATIC) == 0 || name.startsWith("<")
                        || Type.getReturnType(desc) != Type.VOID_TYPE) {
                    return mv;
                }
                mv.visitCode();
                int slot = 0;
                for (Type arg : Type.getArgumentTypes(desc)) {
                    mv.visitVarInsn(arg.getOpcode(Opcodes.ILOAD), slot);
                    slot += arg.getSize();
                }
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "io/go4j/race/Hooks", name, desc, false);
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                return null;
            }
        }, 0);
        return writer.toByteArray();
    }
}
