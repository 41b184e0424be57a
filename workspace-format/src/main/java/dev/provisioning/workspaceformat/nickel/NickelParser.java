package dev.provisioning.workspaceformat.nickel;

import dev.provisioning.workspaceformat.nickel.Expr.Annotations;
import dev.provisioning.workspaceformat.nickel.Expr.Contract;
import dev.provisioning.workspaceformat.nickel.Expr.FieldDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the Nickel subset into {@link Expr} trees; constructs beyond it fail with their position. */
final class NickelParser {

    private static final Set<String> TYPE_NAMES = Set.of("String", "Number", "Bool", "Dyn");
    private static final Set<String> NOT_AN_EXPRESSION = Set.of("in", "then", "else", "default", "optional",
            "priority", "force", "doc", "not_exported");
    private static final String[][] BINARY_LEVELS = {
        {"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"&"}, {"++", "@"}, {"+", "-"}, {"*", "/"}
    };

    private final List<Token> tokens;
    private int index;

    NickelParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String source, String file) {
        return new NickelParser(new NickelLexer(source, file).tokenize()).parseWhole();
    }

    Expr parseWhole() {
        Expr expr = parseExpr();
        Token next = peek();
        if (next.type() != Token.Type.END) {
            throw unexpected(next, "the end of the input");
        }
        return expr;
    }

    private Expr parseExpr() {
        Token start = peek();
        if (start.is("let") && start.type() == Token.Type.IDENTIFIER) {
            return parseLet();
        }
        if (start.is("if") && start.type() == Token.Type.IDENTIFIER) {
            next();
            Expr condition = parseExpr();
            expectWord("then");
            Expr whenTrue = parseExpr();
            expectWord("else");
            Expr whenFalse = parseExpr();
            return new Expr.IfThenElse(condition, whenTrue, whenFalse, start.position());
        }
        if (start.type() == Token.Type.IDENTIFIER && (start.is("fun") || start.is("match"))) {
            throw NickelException.outsideSubset(start.position(), start.is("fun") ? "a function (fun)" : "match");
        }
        Expr value = parseBinary(0);
        List<Contract> contracts = new ArrayList<>();
        while (peek().is("|") || peek().is(":")) {
            Token bar = next();
            if (bar.is("|") && peek().type() == Token.Type.IDENTIFIER
                    && Set.of("default", "optional", "priority", "force", "doc", "not_exported").contains(peek().text())) {
                throw NickelException.outsideSubset(peek().position(),
                        "'| " + peek().text() + "' after a value outside a record field");
            }
            contracts.add(parseContract());
        }
        return contracts.isEmpty() ? value : new Expr.Annotated(value, contracts, start.position());
    }

    private Expr parseLet() {
        Token let = next();
        if (peek().is("rec")) {
            throw NickelException.outsideSubset(peek().position(), "a recursive let (let rec)");
        }
        List<Object[]> bindings = new ArrayList<>();
        do {
            Token name = peek();
            if (name.is("{") || name.is("[") || name.is("'")) {
                throw NickelException.outsideSubset(name.position(), "a destructuring pattern in let");
            }
            if (name.type() != Token.Type.IDENTIFIER || isReserved(name.text())) {
                throw unexpected(name, "a name to bind after 'let'");
            }
            next();
            Annotations annotations = parseAnnotations(false);
            expect("=", "'=' after 'let " + name.text() + "'");
            Expr bound = parseExpr();
            bindings.add(new Object[] {name, annotations, bound});
        } while (accept(","));
        expectWord("in");
        Expr body = parseExpr();
        for (int i = bindings.size() - 1; i >= 0; i--) {
            Token name = (Token) bindings.get(i)[0];
            body = new Expr.Let(name.text(), (Annotations) bindings.get(i)[1], (Expr) bindings.get(i)[2], body,
                    i == 0 ? let.position() : name.position());
        }
        return body;
    }

    private Expr parseBinary(int level) {
        if (level == BINARY_LEVELS.length) {
            return parseUnary();
        }
        Expr left = parseBinary(level + 1);
        while (true) {
            Token operator = peek();
            if (operator.is("|>")) {
                throw NickelException.outsideSubset(operator.position(), "function application (|>)");
            }
            if (operator.type() != Token.Type.SYMBOL || !contains(BINARY_LEVELS[level], operator.text())) {
                return left;
            }
            next();
            Expr right = parseBinary(level + 1);
            left = new Expr.Binary(operator.text(), left, right, operator.position());
        }
    }

    private Expr parseUnary() {
        Token token = peek();
        if (token.is("-") || token.is("!")) {
            next();
            return new Expr.Unary(token.text(), parseUnary(), token.position());
        }
        return parsePostfix(false);
    }

    private Expr parsePostfix(boolean contractPosition) {
        Expr expr = parseAtom();
        while (true) {
            if (peek().is(".")) {
                next();
                Token field = next();
                if (field.type() == Token.Type.IDENTIFIER) {
                    expr = new Expr.FieldAccess(expr, field.text(), field.position());
                } else if (field.type() == Token.Type.STRING) {
                    expr = new Expr.FieldAccess(expr, plainString(field, "a field name"), field.position());
                } else {
                    throw unexpected(field, "a field name after '.'");
                }
            } else if (!contractPosition && startsAtom(peek())) {
                Token following = lookahead(1);
                if ((peek().type() == Token.Type.IDENTIFIER || peek().type() == Token.Type.STRING)
                        && (following.is("=") || following.is("|"))) {
                    throw unexpected(peek(), "',' between record fields");
                }
                throw NickelException.outsideSubset(peek().position(), "function application");
            } else {
                return expr;
            }
        }
    }

    private Expr parseAtom() {
        Token token = next();
        switch (token.type()) {
            case NUMBER:
                return new Expr.NumberLiteral(new BigDecimal(token.text()), token.position());
            case STRING:
                return stringLiteral(token);
            case END:
                throw unexpected(token, "an expression");
            case SYMBOL:
                if (token.is("{")) {
                    return parseRecord(token);
                }
                if (token.is("[")) {
                    return parseArray(token);
                }
                if (token.is("(")) {
                    Expr inner = parseExpr();
                    expect(")", "')'");
                    return inner;
                }
                throw unexpected(token, "an expression");
            default:
                break;
        }
        String word = token.text();
        switch (word) {
            case "true":
                return new Expr.BoolLiteral(true, token.position());
            case "false":
                return new Expr.BoolLiteral(false, token.position());
            case "null":
                return new Expr.NullLiteral(token.position());
            case "import": {
                Token path = next();
                if (path.type() != Token.Type.STRING) {
                    throw unexpected(path, "a file name in quotes after 'import'");
                }
                return new Expr.Import(plainString(path, "an import path"), token.position());
            }
            case "Array": {
                Token elementStart = peek();
                Expr element = parseContractTerm();
                return new Expr.ArrayContract(new Contract(element, labelFrom(elementStart)), token.position());
            }
            case "fun":
                throw NickelException.outsideSubset(token.position(), "a function (fun)");
            case "match":
            case "forall":
                throw NickelException.outsideSubset(token.position(), word);
            case "let":
            case "if":
                index--;
                return parseExpr();
            default:
                break;
        }
        if (TYPE_NAMES.contains(word)) {
            return new Expr.TypeContract(word, token.position());
        }
        if (NOT_AN_EXPRESSION.contains(word)) {
            throw unexpected(token, "an expression");
        }
        return new Expr.Variable(word, token.position());
    }

    private Expr parseRecord(Token open) {
        List<FieldDefinition> fields = new ArrayList<>();
        boolean isOpen = false;
        while (!peek().is("}")) {
            if (peek().is("..")) {
                next();
                isOpen = true;
                if (!peek().is("}")) {
                    throw unexpected(peek(), "'}' after '..' (it ends a record)");
                }
                break;
            }
            if (peek().is("include")) {
                throw NickelException.outsideSubset(peek().position(), "include");
            }
            fields.add(parseField());
            if (peek().is(",")) {
                next();
            } else if (!peek().is("}")) {
                throw unexpected(peek(), "',' or '}' after a record field");
            }
        }
        Token close = next();
        if (!close.is("}")) {
            throw unexpected(close, "'}' to close the record opened at " + open.position());
        }
        return new Expr.RecordLiteral(fields, isOpen, open.position());
    }

    private FieldDefinition parseField() {
        List<Token> path = new ArrayList<>();
        path.add(fieldName());
        while (peek().is(".")) {
            next();
            path.add(fieldName());
        }
        Annotations annotations = parseAnnotations(true);
        Expr value = null;
        if (accept("=")) {
            value = parseExpr();
        } else if (annotations.contracts().isEmpty() && !annotations.optional()
                && annotations.priority() == Annotations.NORMAL) {
            throw unexpected(peek(), "'=' and a value for field '" + path.get(path.size() - 1).text() + "'");
        }
        Token last = path.get(path.size() - 1);
        FieldDefinition field = new FieldDefinition(fieldText(last), value, annotations, last.position());
        for (int i = path.size() - 2; i >= 0; i--) {
            Token segment = path.get(i);
            Expr nested = new Expr.RecordLiteral(List.of(field), false, path.get(i + 1).position());
            field = new FieldDefinition(fieldText(segment), nested, Annotations.none(), segment.position());
        }
        return field;
    }

    private Token fieldName() {
        Token token = next();
        if (token.type() == Token.Type.IDENTIFIER) {
            return token;
        }
        if (token.type() == Token.Type.STRING) {
            plainString(token, "a field name");
            return token;
        }
        throw unexpected(token, "a field name");
    }

    private static String fieldText(Token token) {
        return token.type() == Token.Type.STRING ? (String) token.stringParts().get(0) : token.text();
    }

    private Annotations parseAnnotations(boolean field) {
        List<Contract> contracts = new ArrayList<>();
        double priority = Annotations.NORMAL;
        boolean optional = false;
        while (peek().is("|") || peek().is(":")) {
            Token bar = next();
            Token word = peek();
            if (bar.is("|") && word.type() == Token.Type.IDENTIFIER) {
                switch (word.text()) {
                    case "default" -> {
                        requireField(field, word);
                        next();
                        priority = Annotations.DEFAULT;
                        continue;
                    }
                    case "force" -> {
                        requireField(field, word);
                        next();
                        priority = Annotations.FORCE;
                        continue;
                    }
                    case "optional" -> {
                        requireField(field, word);
                        next();
                        optional = true;
                        continue;
                    }
                    case "priority" -> {
                        requireField(field, word);
                        next();
                        boolean negative = accept("-");
                        Token number = next();
                        if (number.type() != Token.Type.NUMBER) {
                            throw unexpected(number, "a number after 'priority'");
                        }
                        priority = Double.parseDouble(number.text()) * (negative ? -1 : 1);
                        continue;
                    }
                    case "doc" -> {
                        next();
                        Token text = next();
                        if (text.type() != Token.Type.STRING) {
                            throw unexpected(text, "a string after 'doc'");
                        }
                        continue;
                    }
                    case "not_exported" -> throw NickelException.outsideSubset(word.position(), "not_exported");
                    default -> {
                    }
                }
            }
            contracts.add(parseContract());
        }
        return new Annotations(List.copyOf(contracts), priority, optional);
    }

    private static void requireField(boolean field, Token word) {
        if (!field) {
            throw NickelException.outsideSubset(word.position(), "'| " + word.text() + "' on a let binding");
        }
    }

    private Contract parseContract() {
        Token start = peek();
        Expr expr = parseContractTerm();
        if (peek().is("->")) {
            throw NickelException.outsideSubset(peek().position(), "a function type (->)");
        }
        return new Contract(expr, labelFrom(start));
    }

    /** A contract: a type name, {@code Array C}, {@code { _ : C }}, or a term (a record contract, a name, a path). */
    private Expr parseContractTerm() {
        Token token = peek();
        if (token.is("{") && lookahead(1).is("_") && lookahead(2).is(":")) {
            index += 3;
            Token elementStart = peek();
            Expr element = parseContractTerm();
            expect("}", "'}' to close the dictionary type");
            return new Expr.DictionaryContract(new Contract(element, labelFrom(elementStart)), token.position());
        }
        if (token.is("{") && lookahead(1).type() == Token.Type.IDENTIFIER && lookahead(2).is(":")) {
            throw NickelException.outsideSubset(token.position(), "a record type ({ field : Type })");
        }
        return parsePostfix(true);
    }

    private String labelFrom(Token start) {
        int from = tokens.indexOf(start);
        StringBuilder label = new StringBuilder();
        for (int i = from; i < index; i++) {
            Token token = tokens.get(i);
            String text = token.type() == Token.Type.STRING ? "\"" + token.stringParts().get(0) + "\"" : token.text();
            boolean glue = label.isEmpty() || token.is(".") || tokens.get(i - 1).is(".")
                    || token.is("}") || tokens.get(i - 1).is("{");
            if (!glue) {
                label.append(' ');
            }
            label.append(text);
        }
        String result = label.toString();
        return result.length() > 60 ? result.substring(0, 57) + "..." : result;
    }

    private Expr parseArray(Token open) {
        List<Expr> items = new ArrayList<>();
        while (!peek().is("]")) {
            items.add(parseExpr());
            if (peek().is(",")) {
                next();
            } else if (!peek().is("]")) {
                throw unexpected(peek(), "',' or ']' in the array opened at " + open.position());
            }
        }
        next();
        return new Expr.ArrayLiteral(items, open.position());
    }

    private Expr stringLiteral(Token token) {
        List<Object> parts = new ArrayList<>();
        for (Object part : token.stringParts()) {
            if (part instanceof String text) {
                parts.add(text);
            } else {
                @SuppressWarnings("unchecked")
                List<Token> inner = (List<Token>) part;
                if (inner.size() == 1) {
                    throw new NickelException(inner.get(0).position(), "empty interpolation: '%{}' needs an expression");
                }
                parts.add(new NickelParser(inner).parseWhole());
            }
        }
        return new Expr.StringLiteral(parts, token.position());
    }

    private static String plainString(Token token, String what) {
        if (token.stringParts().size() != 1 || !(token.stringParts().get(0) instanceof String text)) {
            throw NickelException.outsideSubset(token.position(), "an interpolated string as " + what);
        }
        return text;
    }

    private static boolean startsAtom(Token token) {
        return switch (token.type()) {
            case NUMBER, STRING -> true;
            case IDENTIFIER -> !isReserved(token.text()) || token.is("true") || token.is("false") || token.is("null")
                    || token.is("import");
            case SYMBOL -> token.is("{") || token.is("[") || token.is("(");
            default -> false;
        };
    }

    private static boolean isReserved(String word) {
        return NOT_AN_EXPRESSION.contains(word) || Set.of("let", "if", "fun", "match", "import", "true", "false",
                "null", "rec", "forall").contains(word);
    }

    private Token lookahead(int distance) {
        return tokens.get(Math.min(index + distance, tokens.size() - 1));
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != Token.Type.END) {
            index++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol) && peek().type() == Token.Type.SYMBOL) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String symbol, String expected) {
        Token token = next();
        if (!token.is(symbol) || token.type() != Token.Type.SYMBOL) {
            throw unexpected(token, expected);
        }
    }

    private void expectWord(String word) {
        Token token = next();
        if (!token.is(word) || token.type() != Token.Type.IDENTIFIER) {
            throw unexpected(token, "'" + word + "'");
        }
    }

    private static NickelException unexpected(Token token, String expected) {
        return new NickelException(token.position(), "unexpected " + token.describe() + ", expected " + expected);
    }

    private static boolean contains(String[] options, String value) {
        for (String option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
