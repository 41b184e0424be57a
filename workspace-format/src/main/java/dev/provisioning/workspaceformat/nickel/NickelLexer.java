package dev.provisioning.workspaceformat.nickel;

import java.util.ArrayList;
import java.util.List;

/** Splits Nickel source into tokens, keeping each token's line and column for error messages. */
final class NickelLexer {

    private static final String[] SYMBOLS = {
        "..", "++", "==", "!=", "<=", ">=", "&&", "||", "->", "=>", "|>",
        "{", "}", "[", "]", "(", ")", ",", ";", "=", ".", "&", "|", ":", "+", "-", "*", "/", "<", ">", "!", "@", "?"
    };

    private final String source;
    private final String file;
    private int offset;
    private int line = 1;
    private int column = 1;

    NickelLexer(String source, String file) {
        this.source = source;
        this.file = file;
    }

    List<Token> tokenize() {
        List<Token> tokens = lexUntil(false);
        return tokens;
    }

    /** Lexes to the end of input, or (inside an interpolation) to the brace that closes it. */
    private List<Token> lexUntil(boolean insideInterpolation) {
        List<Token> tokens = new ArrayList<>();
        int braceDepth = 0;
        while (true) {
            skipBlanksAndComments();
            SourcePosition here = position();
            if (offset >= source.length()) {
                if (insideInterpolation) {
                    throw new NickelException(here, "unterminated string interpolation: '%{' has no closing '}'");
                }
                tokens.add(new Token(Token.Type.END, "", null, here));
                return tokens;
            }
            char c = source.charAt(offset);
            if (insideInterpolation && c == '}' && braceDepth == 0) {
                advance(1);
                tokens.add(new Token(Token.Type.END, "", null, here));
                return tokens;
            }
            if (c == '"') {
                tokens.add(lexString(here));
            } else if (c == 'm' && source.startsWith("m%", offset) && isMultilineStringStart()) {
                throw NickelException.outsideSubset(here, "a multiline string (m%\"...\"%)");
            } else if (c == '\'') {
                throw NickelException.outsideSubset(here, "an enum tag ('Tag)");
            } else if (Character.isDigit(c)) {
                tokens.add(lexNumber(here));
            } else if (Character.isLetter(c) || c == '_') {
                tokens.add(lexIdentifier(here));
            } else {
                String symbol = matchSymbol();
                if (symbol == null) {
                    throw new NickelException(here, "unexpected character '" + c + "'");
                }
                if (symbol.equals("{")) {
                    braceDepth++;
                } else if (symbol.equals("}")) {
                    braceDepth--;
                }
                advance(symbol.length());
                tokens.add(new Token(Token.Type.SYMBOL, symbol, null, here));
            }
        }
    }

    private boolean isMultilineStringStart() {
        int i = offset + 2;
        while (i < source.length() && source.charAt(i) == '%') {
            i++;
        }
        return i < source.length() && source.charAt(i) == '"';
    }

    private Token lexString(SourcePosition start) {
        advance(1);
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (offset >= source.length()) {
                throw new NickelException(start, "unterminated string: no closing '\"'");
            }
            char c = source.charAt(offset);
            if (c == '"') {
                advance(1);
                break;
            }
            if (c == '\n') {
                throw new NickelException(start, "unterminated string: a \"...\" string ends on the line it starts"
                        + " (multiline strings m%\"...\"% are outside the built-in subset)");
            }
            if (c == '\\') {
                SourcePosition escapeAt = position();
                if (offset + 1 >= source.length()) {
                    throw new NickelException(start, "unterminated string: no closing '\"'");
                }
                char escaped = source.charAt(offset + 1);
                switch (escaped) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case '"', '\\', '%' -> text.append(escaped);
                    default -> throw new NickelException(escapeAt, "unknown escape sequence '\\" + escaped + "'");
                }
                advance(2);
                continue;
            }
            if (c == '%' && offset + 1 < source.length() && source.charAt(offset + 1) == '{') {
                advance(2);
                if (!text.isEmpty()) {
                    parts.add(text.toString());
                    text.setLength(0);
                }
                parts.add(lexUntil(true));
                continue;
            }
            text.append(c);
            advance(1);
        }
        if (!text.isEmpty() || parts.isEmpty()) {
            parts.add(text.toString());
        }
        return new Token(Token.Type.STRING, "\"", parts, start);
    }

    private Token lexNumber(SourcePosition start) {
        int begin = offset;
        while (offset < source.length() && Character.isDigit(source.charAt(offset))) {
            advance(1);
        }
        if (offset + 1 < source.length() && source.charAt(offset) == '.' && Character.isDigit(source.charAt(offset + 1))) {
            advance(1);
            while (offset < source.length() && Character.isDigit(source.charAt(offset))) {
                advance(1);
            }
        }
        if (offset < source.length() && (source.charAt(offset) == 'e' || source.charAt(offset) == 'E')) {
            int mark = offset;
            advance(1);
            if (offset < source.length() && (source.charAt(offset) == '+' || source.charAt(offset) == '-')) {
                advance(1);
            }
            if (offset >= source.length() || !Character.isDigit(source.charAt(offset))) {
                throw new NickelException(start, "malformed number '" + source.substring(begin, offset) + "'");
            }
            while (offset < source.length() && Character.isDigit(source.charAt(offset))) {
                advance(1);
            }
            if (mark == offset) {
                throw new NickelException(start, "malformed number");
            }
        }
        return new Token(Token.Type.NUMBER, source.substring(begin, offset), null, start);
    }

    /** Nickel identifiers may contain '-' and '\'' after the first letter, so {@code a-b} is one name. */
    private Token lexIdentifier(SourcePosition start) {
        int begin = offset;
        while (offset < source.length()) {
            char c = source.charAt(offset);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '\'') {
                advance(1);
            } else {
                break;
            }
        }
        return new Token(Token.Type.IDENTIFIER, source.substring(begin, offset), null, start);
    }

    private String matchSymbol() {
        for (String symbol : SYMBOLS) {
            if (source.startsWith(symbol, offset)) {
                return symbol;
            }
        }
        return null;
    }

    private void skipBlanksAndComments() {
        while (offset < source.length()) {
            char c = source.charAt(offset);
            if (c == '#') {
                while (offset < source.length() && source.charAt(offset) != '\n') {
                    advance(1);
                }
            } else if (Character.isWhitespace(c)) {
                advance(1);
            } else {
                return;
            }
        }
    }

    private void advance(int count) {
        for (int i = 0; i < count; i++) {
            if (source.charAt(offset) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset++;
        }
    }

    private SourcePosition position() {
        return new SourcePosition(file, line, column);
    }
}
