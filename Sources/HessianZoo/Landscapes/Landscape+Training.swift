extension Landscape {
  /// How the reference point was reached when it was trained (an `mlp:…:train=STEPS` landscape,
  /// ``NetworkTraining``), nil for a landscape whose minimum is known by construction. Reports print it
  /// (JSON key `training`). Cost: free.
  public var trainingSummary: TrainingSummary? { (self as? MultilayerPerceptronLandscape)?.training?.summary }

  /// Warnings about the reference point itself, which every analysis at it carries first: training that
  /// stopped above its gradient tolerance (``WarningCode/trainingNotConverged``). Empty otherwise. Cost: free.
  public var referencePointWarnings: [Warning] {
    (self as? MultilayerPerceptronLandscape)?.training?.warning.map { [$0] } ?? []
  }
}
