package dev.seqserve.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Command-line options of the form {@code --name value}, read with defaults and checked for typos. */
final class Options {

    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, int from) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new IllegalArgumentException("expected an option like --name value, got '" + arg + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
        return new Options(values);
    }

    String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'", e);
        }
    }

    long longValue(String name, long fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'", e);
        }
    }

    double decimal(String name, double fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + value + "'", e);
        }
    }

    /** Fails on options that no one read, so a misspelt option is never silently ignored. */
    void requireAllRead() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unknown));
        }
    }
}
