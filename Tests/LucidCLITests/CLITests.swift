import Foundation
import Lucid
import LucidExpressions
import Testing

/// The built `lucid` binary, next to the test bundle.
let lucidBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  .appendingPathComponent("lucid")

struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `lucid` with `arguments`, no stdin, and a 60-second guard against hangs.
func lucid(_ arguments: [String]) throws -> RunResult {
  let process = Process()
  process.executableURL = lucidBinary
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let deadline = Date().addingTimeInterval(60)
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  while process.isRunning && Date() < deadline { usleep(10_000) }
  if process.isRunning { process.terminate() }
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

@Suite(
  "lucid command",
  .enabled(if: FileManager.default.isExecutableFile(atPath: lucidBinary.path), "lucid binary not built"))
struct CLITests {
  @Test("grad --json agrees with the library and with finite differences", arguments: spread.indices)
  func gradJSON(index: Int) throws {
    let (source, inputTexts) = spread[index]
    // `--` ends the options, so an expression may start with a minus sign.
    let run = try lucid(
      ["grad", "--json", "--dtype", "float64"] + inputTexts.flatMap { ["-i", $0] } + ["--", source])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let grads = try #require(object["grads"] as? [String: Any])
    let program = try Program(source, inputs: inputTexts.map { try InputValue(parsing: $0) })
    let tensors = program.inputs.map { Tensor(shape: $0.shape, scalars: $0.scalars, dtype: .float64) }
    let check = gradcheck(inputs: tensors) { program.evaluate($0) }
    // The CLI seeds with ones; gradcheck used a random upstream, so recompute with ones.
    let (result, leaves) = program.evaluate(dtype: .float64)
    result.backward()
    let value = flatten(object["value"])
    #expect(value.count == result.size)
    for (a, b) in zip(value, result.scalars) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
    #expect(object["shape"] as? [Int] == result.shape)
    for (input, leaf) in zip(program.inputs, leaves) {
      let cli = flatten(grads[input.name])
      #expect(cli.count == leaf.size)
      for (a, b) in zip(cli, leaf.grad!.scalars) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(input.name)") }
    }
    #expect(check.passed)
  }

  @Test("grad prints a readable table")
  func gradTable() throws {
    let run = try lucid(["grad", "a @ b", "-i", "a=[[1,2],[3,4]]", "-i", "b=[[5,6],[7,8]]"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("[[11, 15], [11, 15]]"))
    #expect(run.stdout.contains("[[4, 4], [6, 6]]"))
    #expect(run.stdout.contains("[[19, 22], [43, 50]]"))
  }

  @Test("a scalar prints as a bare number with shape []")
  func scalarJSON() throws {
    let run = try lucid(["grad", "x * 3", "-i", "x=2", "--json"])
    #expect(run.stdout == "{\"value\": 6, \"shape\": [], \"grads\": {\"x\": 3}}\n")
  }

  @Test(
    "bad input: one line on stderr, nothing on stdout, status 1 or 2",
    arguments: [
      (["grad", "a +", "-i", "a=1"], "ends too early (column 4)"),
      (["grad", "b", "-i", "a=1"], "unknown name 'b'"),
      (["grad", "foo(a)", "-i", "a=1"], "unknown function 'foo'"),
      (["grad", "exp(a, a)", "-i", "a=1"], "exp takes 1 argument, got 2"),
      (["grad", "a", "-i", "a=[[1,2],[3]]"], "ragged"),
      (["grad", "a", "-i", "a=[1,"], "ends too early"),
      (["grad", "a @ b", "-i", "a=[[1,2]]", "-i", "b=[[1,2]]"], "not aligned"),
      (["grad", "sum(a, axis=3)", "-i", "a=[1,2]"], "axis 3 is out of range"),
      (["grad", "a[7]", "-i", "a=[1,2]"], "index 7 is out of range"),
      (["grad", "reshape(a, [3])", "-i", "a=[1,2]"], "cannot reshape"),
      (
        ["grad", String(repeating: "(", count: 3000) + "a" + String(repeating: ")", count: 3000), "-i", "a=1"],
        "nests deeper"
      ),
      (["grad", String(repeating: "a+", count: 6000) + "a", "-i", "a=1"], "over the limit"),
      (["grad", "a * 1e999", "-i", "a=1"], "overflows"),
      (["grad", "a", "-i", "a=1e999"], "overflows"),
      (["grad", "a", "--bogus"], "Unknown option"),
      (["grad", "a", "--dtype", "float16", "-i", "a=1"], "float16"),
      (["render", "a", "-i", "a=1", "-o", "/proc/lucid-test"], "/proc/lucid-test"),
      (["render", "a", "-i", "a=1", "-o", "/tmp/x", "--format", "gif"], "--format must be svg, png or pdf"),
      (["dot", "a*2", "-i", "a=1", "--step", "99"], "--step 99 is out of range"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let run = try lucid(arguments)
    #expect(run.status == 1 || run.status == 2, "status \(run.status)")
    #expect(run.stdout.isEmpty)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(run.stderr)")
    #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
  }

  @Test("dot prints DOT for the whole graph and for one frame")
  func dot() throws {
    let whole = try lucid(["dot", "tanh(w*x + b)", "-i", "x=0.5", "-i", "w=2", "-i", "b=-1"])
    #expect(whole.status == 0)
    #expect(whole.stdout.hasPrefix("digraph lucid {"))
    let frame = try lucid(["dot", "tanh(w*x + b)", "-i", "x=0.5", "-i", "w=2", "-i", "b=-1", "--step", "0"])
    #expect(frame.stdout.contains("start: the leaves"))
  }

  @Test("render writes the graph and numbered frames, and leaves other files alone")
  func render() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "my notes".write(to: dir.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    let run = try lucid(["render", "tanh(w*x + b)", "-i", "x=0.5", "-i", "w=2", "-i", "b=-1", "-o", dir.path])
    #expect(run.status == 0, "\(run.stderr)")
    let frames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("frames").path).sorted()
    // start + 3 forward ops + seed + 3 backward steps + end.
    #expect(frames.filter { $0.hasSuffix(".svg") } == (0..<9).map { String(format: "frame-%03d.svg", $0) })
    #expect(frames.filter { $0.hasSuffix(".pdf") } == (0..<9).map { String(format: "frame-%03d.pdf", $0) })
    for file in ["graph.svg", "graph.dot", "index.html", "slides.tex", "README.md", "filmstrip.svg", "trace.json"] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file) missing")
    }
    #expect(try String(contentsOf: dir.appendingPathComponent("notes.md"), encoding: .utf8) == "my notes")
  }

  @Test("--help and --version; every subcommand's help shows an example")
  func help() throws {
    let version = try lucid(["--version"])
    #expect(version.status == 0 && !version.stdout.isEmpty)
    for sub in ["grad", "dot", "render"] {
      let help = try lucid([sub, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("Example"), "\(sub) --help has no example")
    }
  }
}

/// A JSON number or nested array, flattened row-major.
func flatten(_ value: Any?) -> [Double] {
  if let number = value as? NSNumber { return [number.doubleValue] }
  if let array = value as? [Any] { return array.flatMap(flatten) }
  return []
}
