import Foundation

/// The files a ``FrameBundleWriter`` wrote.
public struct FrameBundle: Sendable, Equatable {
  /// The bundle's folder.
  public var directory: URL
  /// `graph.svg`: the final state of the graph.
  public var graphImage: URL
  /// `graph.dot`: the DOT text of the final state.
  public var graphSource: URL
  /// `frames/frame-000.<ext>`, `frame-001.<ext>`, …, in order.
  public var frames: [URL]
}
