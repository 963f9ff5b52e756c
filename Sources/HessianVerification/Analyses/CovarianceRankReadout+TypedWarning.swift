extension CovarianceRankReadout.Warning {
  /// The warning with its ``WarningCode`` (``WarningCode/countedMayBeFlat`` or
  /// ``WarningCode/uncountedBelowNullEdge``) and its ``message``.
  public var typed: HessianCore.Warning {
    switch self {
    case .countedMayBeFlat: HessianCore.Warning(.countedMayBeFlat, message)
    case .uncountedBelowNullEdge: HessianCore.Warning(.uncountedBelowNullEdge, message)
    }
  }
}
