import GraphExport

/// Which frames of a sequence a filmstrip shows.
public enum FilmstripSelection: Sendable, Hashable {
  /// The story of backprop in a few pictures: the start frame, the seed frame, `backwardSteps`
  /// backward frames chosen evenly (first and last included) and the end frame. Without a backward
  /// pass, the start frame, up to `backwardSteps` evenly chosen forward frames and the end frame.
  case automatic(backwardSteps: Int = 3)
  /// Exactly these frames (indices from 0), in this order.
  case frames([Int])

  /// The indices of the chosen frames of `frames`, in the order they are shown.
  ///
  /// - Throws: ``RenderError/invalidArgument(_:)`` when an explicit index is outside the sequence,
  ///   the explicit list is empty, or `backwardSteps` is negative.
  public func indices(in frames: [Frame]) throws(RenderError) -> [Int] {
    guard !frames.isEmpty else { throw .invalidArgument("a filmstrip needs at least one frame") }
    switch self {
    case .frames(let chosen):
      guard !chosen.isEmpty else { throw .invalidArgument("a filmstrip needs at least one frame") }
      if let outside = chosen.first(where: { !frames.indices.contains($0) }) {
        throw .invalidArgument(
          "filmstrip frame \(outside) is outside the sequence of \(frames.count) frames (0...\(frames.count - 1))")
      }
      return chosen
    case .automatic(let steps):
      guard steps >= 0 else { throw .invalidArgument("a filmstrip cannot show \(steps) backward steps") }
      let backward = frames.indices.filter { frames[$0].kind == .backward }
      let middle: [Int]
      if backward.isEmpty {
        middle = Self.evenlyChosen(steps, from: frames.indices.filter { frames[$0].kind == .forward })
      } else {
        let seed = frames.indices.filter { frames[$0].kind == .seed }
        middle = seed + Self.evenlyChosen(steps, from: backward)
      }
      var result: [Int] = []
      for index in [0] + middle + [frames.count - 1] where !result.contains(index) {
        result.append(index)
      }
      return result
    }
  }

  /// `count` elements of `candidates` spread evenly, the first and the last included.
  static func evenlyChosen(_ count: Int, from candidates: [Int]) -> [Int] {
    guard count > 0, !candidates.isEmpty else { return [] }
    guard count < candidates.count else { return candidates }
    guard count > 1 else { return [candidates[candidates.count / 2]] }
    var chosen: [Int] = []
    for position in 0..<count {
      let index = candidates[(position * (candidates.count - 1) + (count - 1) / 2) / (count - 1)]
      if !chosen.contains(index) { chosen.append(index) }
    }
    return chosen
  }
}
