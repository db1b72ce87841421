import Lucid

/// A piece of a network: a function of one tensor with trainable parameters.
///
/// A module says what it owns, explicitly: the tensors it holds itself
/// (``localParameters``, e.g. a ``Linear`` layer's `weight` and `bias`) and the modules
/// it is built from (``children``, e.g. the layers of a ``Sequential``). Everything else
/// — the full list of ``parameters``, their dotted names (`layer0.weight`),
/// ``zeroGrad()``, ``train()`` and ``eval()`` — is derived from those two lists.
///
/// Lucid declares parameters rather than discovering them by reflection (`Mirror`):
/// a reader sees in one place exactly what is trained; nothing is picked up by accident
/// (a cached tensor or a constant stored in a property); the order is stable; and
/// there is no runtime cost or magic to explain. The price is one or two short
/// properties per module.
///
/// Write your own module as a class:
///
///     final class Residual: Module {
///       let inner: Linear
///       var isTraining = true
///       var children: [(name: String, module: any Module)] { [("inner", inner)] }
///       init(size: Int, seed: UInt64) {
///         inner = Linear(inputSize: size, outputSize: size, seed: seed)
///         nameParameters()
///       }
///       func callAsFunction(_ input: Tensor) -> Tensor { input + inner(input).relu() }
///     }
///
/// Modules are classes because parameters have identity: an optimizer holds the very
/// tensors the module uses. Like ``Tensor`` they are not thread-safe.
public protocol Module: AnyObject {
  /// Runs the module on `input` (a batch, one example per row).
  func callAsFunction(_ input: Tensor) -> Tensor

  /// The trainable tensors this module holds itself, with short local names such as
  /// `weight`; not its children's. The default is none.
  var localParameters: [(name: String, tensor: Tensor)] { get }

  /// The modules this one is built from, with local names such as `layer0`, in the
  /// order they run. The default is none.
  var children: [(name: String, module: any Module)] { get }

  /// Whether the module is in training mode (`true`, the default) or evaluation mode.
  ///
  /// Layers whose behaviour differs between the two (dropout, batch norm) read it; the
  /// layers in LucidNN behave the same in both. Set it for a whole network with
  /// ``train()`` and ``eval()``.
  var isTraining: Bool { get set }
}

extension Module {
  /// No parameters of its own.
  public var localParameters: [(name: String, tensor: Tensor)] { [] }

  /// No children.
  public var children: [(name: String, module: any Module)] { [] }
}
