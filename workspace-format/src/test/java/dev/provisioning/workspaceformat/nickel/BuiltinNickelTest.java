package dev.provisioning.workspaceformat.nickel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinNickelTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final BuiltinNickel nickel = new BuiltinNickel();

    @TempDir
    Path dir;

    private String eval(String source) {
        return nickel.exportSource(source, dir.resolve("main.ncl")).toString();
    }

    private JsonNode json(String text) throws IOException {
        return mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void recordsArraysNumbersBooleansAndNullExportLikeNickel() throws IOException {
        assertEquals(json("{'a':1,'b':[true,false,null],'c':1.5,'d':'x','e':{'f':-2}}"),
                mapper.readTree(eval("{ d = \"x\", a = 1, b = [true, false, null], c = 1.50, e = { f = -2 }, }")));
        assertEquals("{\"a\":1,\"b\":2,\"z\":3}", eval("{ z = 3, b = 2, a = 1 }"), "fields sorted as nickel export does");
    }

    @Test
    void commentsAreIgnored() {
        assertEquals("{\"a\":1}", eval("# leading\n{ a = 1, # trailing\n}\n# end"));
    }

    @Test
    void letBindsNamesAndArithmeticWorks() {
        assertEquals("{\"n\":6,\"s\":\"ab\"}", eval("let x = 3 in let y = \"a\" in { n = x * 2, s = y ++ \"b\" }"));
        assertEquals("{\"n\":3}", eval("let a = 1, b = 2 in { n = a + b }"));
    }

    @Test
    void nestedFieldPathsBuildAndMergeRecords() {
        assertEquals("{\"region_us_east\":{\"app\":{\"count\":3},\"lb\":{\"name\":\"us-lb\"}}}",
                eval("{ region_us_east.app.count = 3, region_us_east.lb.name = \"us-lb\" }"));
    }

    @Test
    void mergeCombinesRecordsRecursivelyAndAcceptsEqualValues() {
        assertEquals("{\"a\":{\"b\":1,\"c\":2},\"d\":3}", eval("{ a.b = 1, d = 3 } & { a.c = 2, d = 3 }"));
    }

    @Test
    void defaultsGiveWayToDefinedValues() {
        assertEquals("{\"size\":\"big\",\"image\":\"ubuntu\"}".length(),
                eval("{ size | default = \"small\", image | default = \"ubuntu\" } & { size = \"big\" }").length());
        assertEquals("{\"image\":\"ubuntu\",\"size\":\"big\"}",
                eval("{ size | default = \"small\", image | default = \"ubuntu\" } & { size = \"big\" }"));
        assertEquals("{\"a\":2}", eval("{ a | force = 2 } & { a = 1 }"));
    }

    @Test
    void recordsAreRecursiveAndLateBound() {
        assertEquals("{\"host\":\"us\",\"url\":\"https://us.example.com\"}",
                eval("{ host | default = \"local\", url = \"https://%{host}.example.com\" } & { host = \"us\" }"));
    }

    @Test
    void stringsInterpolateAndEscape() {
        assertEquals("{\"s\":\"us-app-1 \\\"q\\\" %{x}\"}", eval("let n = \"1\" in { s = \"us-app-%{n} \\\"q\\\" \\%{x}\" }"));
    }

    @Test
    void importsResolveRelativeToTheImportingFile() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/types.ncl"), "let shared = import \"shared.ncl\" in { T = { size | default = shared.size } }");
        Files.writeString(dir.resolve("lib/shared.ncl"), "{ size = \"s-1vcpu-1gb\" }");
        assertEquals("{\"a\":{\"size\":\"s-1vcpu-1gb\"}}", eval("let lib = import \"lib/types.ncl\" in { a = lib.T & {} }"));
    }

    @Test
    void contractsCheckTypesAndApplyRecordContractDefaults() {
        assertEquals("{\"rules\":[{\"port\":80,\"proto\":\"https\"}],\"tags\":[\"a\"]}",
                eval("let Rule = { proto | String, port | Number | default = 80 } in "
                        + "{ rules | Array Rule = [{ proto = \"https\" }], tags | Array String = [\"a\"] }"));
        assertEquals("{\"m\":{\"a\":1}}", eval("{ m | { _ : Number } = { a = 1 } }"));
        assertEquals("{\"x\":1}", eval("{ x = (1 | Number) }"));
        assertEquals("{\"o\":{\"a\":1,\"b\":2}}", eval("let Open = { a | Number, .. } in { o | Open = { a = 1, b = 2 } }"));
    }

    @Test
    void optionalFieldsWithoutValueAreLeftOut() {
        assertEquals("{\"a\":1}", eval("{ a = 1, b | String | optional }"));
    }

    @Test
    void ifThenElseAndComparisons() {
        assertEquals("{\"big\":true,\"n\":\"many\"}", eval("let c = 5 in { big = c > 3, n = if c >= 2 then \"many\" else \"one\" }"));
    }

    static Stream<Arguments> brokenInputs() {
        return Stream.of(
                Arguments.of("{ a = 1", "main.ncl:1:8: unexpected the end of the input, expected ',' or '}' after a record field"),
                Arguments.of("{ a = 1 b = 2 }", "main.ncl:1:9: unexpected 'b', expected ',' between record fields"),
                Arguments.of("{ a = }", "main.ncl:1:7: unexpected '}', expected an expression"),
                Arguments.of("{\n  a = \"open\n}", "main.ncl:2:7: unterminated string: a \"...\" string ends on the line it"
                        + " starts (multiline strings m%\"...\"% are outside the built-in subset)"),
                Arguments.of("{ a = 1; }", "main.ncl:1:8: unexpected ';', expected ',' or '}' after a record field"),
                Arguments.of("{ a = $ }", "main.ncl:1:7: unexpected character '$'"),
                Arguments.of("{ a = b }", "main.ncl:1:7: unbound identifier 'b'"),
                Arguments.of("{ a = 1 } & { a = 2 }", "main.ncl:1:15: cannot merge the Number 1 (main.ncl:1:7) with the"
                        + " Number 2 (main.ncl:1:19): both define a value with the same priority; mark one '| default' or"
                        + " merge records instead"),
                Arguments.of("{ a | Number = \"three\" }", "main.ncl:1:16: contract 'Number' broken by 'a': expected a Number,"
                        + " got the String \"three\""),
                Arguments.of("let T = { name | String } in { x = T & {} }", "main.ncl:1:40: field 'x.name' has no value;"
                        + " it is declared at main.ncl:1:11"),
                Arguments.of("let T = { name | String } in { x | T = { nmae = \"a\" } }", "main.ncl:1:42: contract 'T' does"
                        + " not allow field 'nmae' in 'x' (it allows: name)"),
                Arguments.of("{ f = fun x => x }", "main.ncl:1:7: a function (fun) is outside the Nickel subset the built-in"
                        + " evaluator understands; install `nickel` (https://nickel-lang.org) and it evaluates this workspace instead"),
                Arguments.of("{ a = std.string.length }", "main.ncl:1:7: the standard library (std) is outside the"
                        + " Nickel subset the built-in evaluator understands; install `nickel` (https://nickel-lang.org) and"
                        + " it evaluates this workspace instead"),
                Arguments.of("{ a = 'Tag }", "main.ncl:1:7: an enum tag ('Tag) is outside the Nickel subset the built-in"
                        + " evaluator understands; install `nickel` (https://nickel-lang.org) and it evaluates this workspace instead"),
                Arguments.of("{ a = m%\"text\"% }", "main.ncl:1:7: a multiline string (m%\"...\"%) is outside the Nickel subset"
                        + " the built-in evaluator understands; install `nickel` (https://nickel-lang.org) and it evaluates"
                        + " this workspace instead"),
                Arguments.of("{ a = import \"missing.ncl\" }", "main.ncl:1:7: cannot read missing.ncl: no such file"),
                Arguments.of("{ a = a }", "main.ncl:1:3: infinite recursion: field 'a' depends on itself"),
                Arguments.of("{ a = \"n=%{1}\" }", "main.ncl:1:12: only strings can be interpolated, this is a Number"),
                Arguments.of("{ a = 1 }.b", "main.ncl:1:11: no field 'b' in this record (it has: a)"),
                Arguments.of("let x = 1 { a = x }", "main.ncl:1:11: function application is outside the Nickel subset"
                        + " the built-in evaluator understands; install `nickel` (https://nickel-lang.org) and it evaluates"
                        + " this workspace instead"),
                Arguments.of("[1, 2", "main.ncl:1:6: unexpected the end of the input, expected ',' or ']' in the array"
                        + " opened at main.ncl:1:1"),
                Arguments.of("{ a = (1 }", "main.ncl:1:10: unexpected '}', expected ')'"),
                Arguments.of("{ a = 1 } }", "main.ncl:1:11: unexpected '}', expected the end of the input"),
                Arguments.of("{ a | Array String = [\"x\", 2] }", "main.ncl:1:28: contract 'String' broken by 'a[1]':"
                        + " expected a String, got the Number 2"));
    }

    @ParameterizedTest
    @MethodSource("brokenInputs")
    void brokenInputsNameLineAndColumn(String source, String expected) {
        NickelException error = assertThrows(NickelException.class, () -> eval(source));
        assertEquals(expected, error.getMessage());
    }

    @Test
    void errorsInImportedFilesNameThatFile() throws IOException {
        Files.writeString(dir.resolve("types.ncl"), "{\n  T = { size | Number = \"big\" },\n}");
        NickelException error = assertThrows(NickelException.class,
                () -> eval("let t = import \"types.ncl\" in { a = t.T }"));
        assertEquals("types.ncl:2:25: contract 'Number' broken by 'a.size': expected a Number, got the String \"big\"",
                error.getMessage());
    }

    @Test
    void importCyclesAreReported() throws IOException {
        Files.writeString(dir.resolve("a.ncl"), "import \"b.ncl\"");
        Files.writeString(dir.resolve("b.ncl"), "import \"a.ncl\"");
        NickelException error = assertThrows(NickelException.class, () -> nickel.export(dir.resolve("a.ncl")));
        assertEquals("b.ncl:1:1: import cycle: a.ncl imports itself", error.getMessage());
    }
}
