package dev.provisioning.cloudsim.http;

import java.util.ArrayDeque;
import java.util.Deque;

/** Builds a small XML document element by element, escaping text as it goes. */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens the root element with its default namespace. */
    public XmlWriter root(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace).replace("\"", "&quot;")).append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}. */
    public XmlWriter element(String name, Object value) {
        out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        return this;
    }

    /** Writes the element only when the value is present, as optional response members are omitted. */
    public XmlWriter optional(String name, Object value) {
        return value == null ? this : element(name, value);
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
