package io.go4j.race;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Whether a field that an instruction names is {@code volatile} (then its accesses synchronize)
 * or {@code final} (then they cannot race), found without loading any class: from the class
 * files of the owner and its superclasses, read as resources of the loader of the code.
 */
final class Fields {

    /** How an instruction's field is treated. */
    enum Kind {
        /** A plain field: checked for races. */
        PLAIN,
        /** A volatile field: its writes release, its reads acquire. */
        VOLATILE,
        /** A final field: not checked. */
        FINAL
    }

    /** A class's superclass and the access flags of its fields. */
    private record Facts(String superName, Map<String, Integer> fields) {
    }

    private static final Map<String, Facts> CACHE = new ConcurrentHashMap<>();
    private static final Facts UNKNOWN = new Facts(null, Map.of());

    private final ClassLoader loader;

    Fields(ClassLoader loader) {
        this.loader = loader;
    }

    /** Records the class being transformed, read from its bytes already. */
    static void learn(String name, String superName, Map<String, Integer> fields) {
        CACHE.put(name, new Facts(superName, fields));
    }

    Kind kind(String owner, String name) {
        for (String c = owner; c != null; ) {
            Facts f = facts(c);
            Integer access = f.fields.get(name);
            if (access != null) {
                if ((access & Opcodes.ACC_VOLATILE) != 0) {
                    return Kind.VOLATILE;
                }
                return (access & Opcodes.ACC_FINAL) != 0 ? Kind.FINAL : Kind.PLAIN;
            }
            c = f.superName;
        }
        return Kind.PLAIN;
    }

    private Facts facts(String name) {
        Facts f = CACHE.get(name);
        if (f == null) {
            f = read(name);
            CACHE.put(name, f);
        }
        return f;
    }

    private Facts read(String name) {
        String resource = name + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Map<String, Integer> fields = new HashMap<>();
            String[] superName = new String[1];
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String n, String signature, String sup,
                        String[] interfaces) {
                    superName[0] = sup;
                }

                @Override
                public FieldVisitor visitField(int access, String n, String desc, String signature,
                        Object value) {
                    fields.put(n, access);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new Facts(superName[0], fields);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
