package dev.provisioning.workspaceformat.nickel;

import java.util.List;

/**
 * One lexical token. A string token keeps its pieces: literal text ({@link String}) and interpolated expressions
 * (their own token lists, ending with an end-of-input token).
 */
record Token(Type type, String text, List<Object> stringParts, SourcePosition position) {

    enum Type { IDENTIFIER, NUMBER, STRING, SYMBOL, END }

    boolean is(String symbolOrWord) {
        return (type == Type.SYMBOL || type == Type.IDENTIFIER) && text.equals(symbolOrWord);
    }

    String describe() {
        return switch (type) {
            case END -> "the end of the input";
            case STRING -> "a string";
            case NUMBER -> "the number " + text;
            default -> "'" + text + "'";
        };
    }
}
