extension Tensor {
  /// The same elements in a new shape; one entry may be `-1` (inferred).
  ///
  /// Backward: `∂L/∂out` reshaped back to the input's shape.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    let resolved = checked { () throws(ShapeError) in try Shapes.reshape(shape, to: newShape) }
    let old = shape
    return Tensor.make(value.reshaped(resolved), .reshape, [self], attributes: ["shape": format(resolved)]) { g in
      [g.reshaped(old)]
    }
  }

  /// The axes permuted: `result.shape[i] == shape[permutation[i]]`.
  ///
  /// Backward: `∂L/∂out` permuted back with the inverse permutation.
  public func transposed(_ permutation: [Int]) -> Tensor {
    _ = checked { () throws(ShapeError) in try Shapes.permute(shape, permutation) }
    var inverse = [Int](repeating: 0, count: permutation.count)
    for (i, p) in permutation.enumerated() { inverse[p] = i }
    return Tensor.make(value.transposed(permutation), .transpose, [self], attributes: ["axes": format(permutation)]) {
      g in [g.transposed(inverse)]
    }
  }

  /// The axes in reverse order (for a matrix, rows and columns swapped), as NumPy's `.T`.
  public func transposed() -> Tensor {
    transposed(Array((0..<ndim).reversed()))
  }

  // swift-format-ignore: AlwaysUseLowerCamelCase
  /// The transpose (see ``transposed()``), spelled as in NumPy: `x.T`.
  public var T: Tensor { transposed() }

  /// Removes `axis` if its size is 1, or every size-1 axis when `axis` is `nil`.
  public func squeezed(axis: Int? = nil) -> Tensor {
    var newShape = shape
    if let axis {
      let a = checked { () throws(ShapeError) in try Shapes.axis(axis, rank: ndim, op: "squeeze") }
      guard shape[a] == 1 else {
        fatalError("[squeeze] axis \(axis) of shape \(format(shape)) has size \(shape[a]), not 1")
      }
      newShape.remove(at: a)
    } else {
      newShape.removeAll { $0 == 1 }
    }
    return reshaped(newShape)
  }

  /// Inserts an axis of size 1 at `axis` (which may be `ndim`, or negative).
  public func expandingDims(at axis: Int) -> Tensor {
    let a = checked { () throws(ShapeError) in try Shapes.axis(axis, rank: ndim + 1, op: "expand_dims") }
    var newShape = shape
    newShape.insert(1, at: a)
    return reshaped(newShape)
  }

  /// Copies the tensor up to `targetShape` by NumPy broadcasting.
  ///
  /// Backward: `∂L/∂out` summed back to the input's shape.
  public func broadcasted(to targetShape: [Int]) -> Tensor {
    _ = checked { () throws(ShapeError) in try Shapes.broadcast(shape, to: targetShape) }
    let old = shape
    return Tensor.make(value.broadcast(to: targetShape), .broadcast, [self], attributes: ["shape": format(targetShape)])
    { g in [g.sum(toShape: old)] }
  }

  /// This tensor joined with `others` along an existing `axis`.
  public func concatenated(with others: [Tensor], axis: Int = 0) -> Tensor {
    Tensor.concatenate([self] + others, axis: axis)
  }

  /// This tensor stacked with `others` along a new `axis`.
  public func stacked(with others: [Tensor], axis: Int = 0) -> Tensor {
    Tensor.stack([self] + others, axis: axis)
  }

  /// Joins tensors along an existing `axis`; they must agree on every other axis.
  ///
  /// Backward: each input receives the slice of `∂L/∂out` it filled.
  public static func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    let outShape = checked { () throws(ShapeError) in try Shapes.concatenate(tensors.map(\.shape), axis: axis) }
    let a = axis < 0 ? axis + outShape.count : axis
    let y = NDArray.concatenate(tensors.map(\.value), axis: a, shape: outShape)
    let sizes = tensors.map { $0.shape[a] }
    return make(y, .concatenate, tensors, attributes: ["axis": String(axis)]) { g in
      var start = 0
      return sizes.map { size in
        defer { start += size }
        var selection = outShape.map { Array(0..<$0) }
        selection[a] = Array(start..<(start + size))
        let (offsets, shape) = Indexing.offsets(of: selection, droppingAxes: [], in: outShape)
        return g.gather(offsets: offsets, shape: shape)
      }
    }
  }

  /// Stacks equal-shaped tensors along a new `axis`.
  ///
  /// Backward: input `i` receives `∂L/∂out[i]` along the stacked axis.
  public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    let outShape = checked { () throws(ShapeError) in try Shapes.stack(tensors.map(\.shape), axis: axis) }
    let a = axis < 0 ? axis + outShape.count : axis
    var piece = outShape
    piece[a] = 1
    let y = NDArray.concatenate(tensors.map { $0.value.reshaped(piece) }, axis: a, shape: outShape)
    let inputShape = tensors[0].shape
    let count = tensors.count
    return make(y, .stack, tensors, attributes: ["axis": String(axis)]) { g in
      (0..<count).map { i in
        var selection = outShape.map { Array(0..<$0) }
        selection[a] = [i]
        let (offsets, _) = Indexing.offsets(of: selection, droppingAxes: [a], in: outShape)
        return g.gather(offsets: offsets, shape: inputShape)
      }
    }
  }
}

/// Joins tensors along an existing `axis` (see ``Tensor/concatenate(_:axis:)``).
public func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor { Tensor.concatenate(tensors, axis: axis) }

/// Stacks tensors along a new `axis` (see ``Tensor/stack(_:axis:)``).
public func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor { Tensor.stack(tensors, axis: axis) }
