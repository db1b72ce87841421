import Foundation
import FuzzSupport
@_spi(Fuzzing) import GraphRender
import Lucid
import LucidExpressions
import Testing

/// The fuzz targets' properties, checked on the seed corpus, on every input a fuzzer or a review
/// found crashing, and on seeded random inputs (so the properties are exercised on every test run,
/// with or without libFuzzer).
@Suite struct FuzzRegressionTests {
  @Test func expressionSeedCorpusNeverTraps() throws {
    let files = try Hardening.corpus("Fuzz/Corpus/expressions")
    #expect(files.count >= 20)
    var evaluated = 0
    for file in files {
      if case .evaluated = ExpressionFuzzing.run([UInt8](try Data(contentsOf: file))) { evaluated += 1 }
    }
    // Most seeds are meant to evaluate, so the fuzzer starts from deep inside the evaluator.
    #expect(evaluated >= files.count * 3 / 4)
  }

  @Test func dotSeedCorpusKeepsItsInvariants() throws {
    let files = try Hardening.corpus("Fuzz/Corpus/dot")
    #expect(files.count >= 20)
    for file in files {
      #expect(DOTFuzzing.problems([UInt8](try Data(contentsOf: file))) == [], "\(file.lastPathComponent)")
    }
  }

  /// The frame reader's seeds and the inputs where it once disagreed with Graphviz: a node named
  /// `"%p"` (cgraph makes every `%` name a new anonymous node) and quoted names holding newlines
  /// (cgraph drops a newline that is a string's whole content).
  @Test func frameReaderCorpusAgreesWithGraphviz() throws {
    let files = try Hardening.corpus("Fuzz/Corpus/frames")
    #expect(files.count >= 13)
    for file in files {
      #expect(SkeletonFuzzing.problems([UInt8](try Data(contentsOf: file))) == [], "\(file.lastPathComponent)")
    }
  }

  /// Inputs that trapped before they were fixed; each must now be rejected with a message.
  @Test(arguments: [
    // Shapes.reshape multiplied the target's sizes without checking for overflow.
    ("reshape(x, [100000000000000, 100000000000000])\nx=[]", "more elements than an Int can count"),
    ("reshape(x, [100000000000000, 100000000000000, 0])\nx=[]", "more elements than an Int can count"),
    ("reshape(x, [-1, 100000000000000, 100000000000000])\nx=[1]", "more elements than an Int can count"),
    // A long operator chain parsed in a loop but made a tree 5,000 levels tall, which the checker
    // walked recursively until the stack overflowed, within the default length limit.
    ([String](repeating: "x", count: 5_000).joined(separator: "+") + "\nx=1", "nests deeper than"),
    ("x" + String(repeating: ".T", count: 3_000) + "\nx=1", "nests deeper than"),
  ])
  func formerCrashIsRejected(input: String, message: String) {
    let outcome = ExpressionFuzzing.run(Array(input.utf8))
    guard case .rejected(let error) = outcome else {
      Issue.record("expected a rejection, got \(outcome)")
      return
    }
    #expect(error.message.contains(message), "\(error)")
  }

  @Test func deepestSupportedNestingFitsOnTheStack() throws {
    // At the ceiling the recursive parser, checker and evaluator must all still fit on the test's
    // thread (also under the address sanitizer, whose frames are larger).
    var limits = ExpressionLimits()
    limits.maxDepth = ExpressionLimits.deepestSupported
    limits.maxLength = 1_000_000
    let depth = ExpressionLimits.deepestSupported - 2
    let sources = [
      String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth),
      [String](repeating: "x", count: depth).joined(separator: " * "),
      String(repeating: "-", count: depth) + "x",
      String(repeating: "tanh(", count: depth) + "x" + String(repeating: ")", count: depth),
    ]
    for source in sources {
      let program = try Program(source, inputs: [InputValue(name: "x", shape: [], scalars: [0.5])], limits: limits)
      let (result, leaves) = program.evaluate()
      result.backward()
      #expect(leaves[0].grad != nil)
    }
    limits.maxDepth = ExpressionLimits.deepestSupported + 1
    #expect(throws: ExpressionError.self) { try Program("x", inputs: [], limits: limits) }
  }

  /// Random token soup from a seeded generator: the expression property on thousands of inputs that
  /// mix valid structure with hostile numbers, names and punctuation.
  @Test func randomExpressionsNeverTrap() {
    var random = SplitMix64(seed: 10)
    let pieces = [
      "x", "y", "z", "1", "0", "-1", "2.5", "1e308", "1e-320", "100000000000000", "9223372036854775807", "+", "-",
      "*", "/", "@", "**", "(", ")", "[", "]", ",", ":", "::", "=", ".T", ".", "axis=", "keepdims=true",
      "sum(", "mean(", "max(", "min(", "softmax(", "log_softmax(", "reshape(", "transpose(", "matmul(", "pow(",
      "exp(", "log(", "sqrt(", "tanh(", "sigmoid(", "relu(", "abs(", " ", "[2, -1]", "[0]", "x[0]", "x[::-1]",
      "x[-1:0:-2]", "é", "\u{0}", "💥",
    ]
    let values = ["1", "-2.5", "[1,2,3]", "[[1,2],[3,4]]", "[[1],[2]]", "[]", "[[]]", "[[[1]]]", "1e400", "[1,[2]]"]
    var evaluated = 0
    let count = Hardening.sanitized ? 1_000 : 5_000
    for _ in 0..<count {
      var source = ""
      for _ in 0..<random.next(below: 14) { source += pieces[random.next(below: pieces.count)] }
      var lines = [source]
      for name in ["x", "y", "z"] where random.next(below: 3) > 0 {
        lines.append((random.next(below: 5) == 0 ? "!" : "") + "\(name)=\(values[random.next(below: values.count)])")
      }
      if case .evaluated = ExpressionFuzzing.run(Array(lines.joined(separator: "\n").utf8)) { evaluated += 1 }
    }
    #expect(evaluated > count / 100, "too few random inputs evaluate to exercise the evaluator")
  }

  /// Random hostile names and titles: the DOT properties on a few hundred inputs.
  @Test func randomNamesKeepTheDOTInvariants() {
    var random = SplitMix64(seed: 11)
    let alphabet = Array("ab<>&\"'\\{}[]|;:=-#%$^_~`\n\r\t\u{0}\u{1}\u{7F}\u{FFFE}é∂🙂 /*".unicodeScalars)
    for _ in 0..<(Hardening.sanitized ? 60 : 300) {
      var bytes: [UInt8] = []
      for part in 0...DOTFuzzing.nameCount {
        if part > 0 { bytes.append(DOTFuzzing.separator) }
        var text = String.UnicodeScalarView()
        for _ in 0..<random.next(below: 12) { text.append(alphabet[random.next(below: alphabet.count)]) }
        bytes += Array(String(text).utf8)
      }
      let problems = DOTFuzzing.problems(bytes)
      #expect(problems == [], "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
  }

  @Test func scannerCatchesUnescapedMarkup() {
    // The checker itself must be able to fail: raw markup in a label, a bare '&', a broken string.
    #expect(!DOTScanner.lexicalProblems(in: "a [label=<<B><script>x</script></B>>]").isEmpty)
    #expect(!DOTScanner.lexicalProblems(in: "a [label=<<B>a & b</B>>]").isEmpty)
    #expect(!DOTScanner.lexicalProblems(in: "a [label=<<B>a<BR/>b</B>>, tooltip=\"x\ny\"]").isEmpty)
    #expect(!DOTScanner.lexicalProblems(in: "a [label=<<B>x</B>]").isEmpty)
    #expect(DOTScanner.lexicalProblems(in: "a [label=<<B>a &amp; &#39;b&#39;<BR/></B>>, tooltip=\"q\\\"\"]").isEmpty)
  }
}

extension SplitMix64 {
  /// A number in `0..<bound` (modulo reduction: enough for picking test inputs).
  fileprivate mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
