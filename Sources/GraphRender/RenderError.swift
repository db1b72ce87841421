import Foundation

/// Everything that can go wrong while laying out, rendering or writing graph pictures.
///
/// Each case reads as one line through ``description``; where Graphviz itself reported the problem,
/// its own words are part of the message.
public enum RenderError: Error, Sendable, Equatable {
  /// The DOT text could not be parsed; `message` is Graphviz's parser message.
  case invalidDOT(message: String)
  /// No layout engine of that name is installed.
  case unknownEngine(name: String, available: [String])
  /// No output device of that name is installed.
  case unsupportedFormat(name: String, available: [String])
  /// The graph exceeds the configured ``LayoutLimits``.
  case graphTooLarge(nodes: Int, edges: Int, limits: LayoutLimits)
  /// Graphviz failed while laying out the graph.
  case layoutFailed(message: String)
  /// Graphviz failed while producing the picture.
  case renderFailed(message: String)
  /// A frame of a sequence does not have the structure the shared layout was made for.
  case frameMismatch(frame: Int?, reason: String)
  /// The arguments are inconsistent, for example an empty frame sequence.
  case invalidArgument(String)
  /// A file or folder could not be created or written.
  case fileSystem(path: String, reason: String)
}

extension RenderError: CustomStringConvertible {
  /// A one-line, human-readable account of the error.
  public var description: String {
    switch self {
    case .invalidDOT(let message):
      return "invalid DOT: \(message)"
    case .unknownEngine(let name, let available):
      return "unknown layout engine '\(name)' (available: \(available.joined(separator: ", ")))"
    case .unsupportedFormat(let name, let available):
      return "output format '\(name)' is not supported by this Graphviz installation"
        + " (available: \(available.joined(separator: ", ")))"
    case .graphTooLarge(let nodes, let edges, let limits):
      return "graph too large to lay out: \(nodes) nodes and \(edges) edges"
        + " (limits: \(limits.maxNodes) nodes, \(limits.maxEdges) edges)"
    case .layoutFailed(let message):
      return "layout failed: \(message)"
    case .renderFailed(let message):
      return "rendering failed: \(message)"
    case .frameMismatch(let frame, let reason):
      if let frame { return "frame \(frame) does not match the shared layout: \(reason)" }
      return "frame does not match the shared layout: \(reason)"
    case .invalidArgument(let message):
      return message
    case .fileSystem(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    }
  }
}

extension RenderError: LocalizedError {
  /// The same text as ``description``, for code that reports `localizedDescription`.
  public var errorDescription: String? { description }
}
