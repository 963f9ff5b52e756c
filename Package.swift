// swift-tools-version: 6.0
import PackageDescription

// Swift 6 language mode (tools 6.0). GSL and OpenBLAS come from the system
// (`scripts/setup.sh` installs libgsl-dev, libopenblas-dev and pkg-config).
// The CGSL module map links `gsl` and `openblas` directly (no pkg-config), so
// CBLAS symbols bind to OpenBLAS rather than GSL's slow reference CBLAS.
let package = Package(
  name: "HessianLab",
  products: [
    .library(name: "HessianLab", targets: ["HessianLab"]),
    .executable(name: "hessian-lab", targets: ["hessian-lab"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // Documentation only (`swift package generate-documentation`); no target depends on it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // MARK: - C boundary (imported by GSLBridge only)
    .systemLibrary(
      name: "CGSL",
      path: "Sources/CGSL",
      providers: [.apt(["libgsl-dev", "libopenblas-dev"])]
    ),

    // MARK: - Layers, lowest first; each target imports only the ones above it here
    // (LayeringTests fails otherwise). CONTRIBUTING.md, "The seam", has the diagram.
    // Bridge: the only Swift module that imports CGSL; GSL types never leave it.
    .target(name: "GSLBridge", dependencies: ["CGSL"]),
    // Core: operators and loss oracles (the seam), Krylov methods, sampling, LLC estimators,
    // statistics, .npy I/O, randomness. Knows nothing of landscapes or known answers.
    .target(name: "HessianCore", dependencies: ["GSLBridge"]),
    // Zoo: landscapes (providers of the seam), the spec language, known answers, fixtures.
    .target(name: "HessianZoo", dependencies: ["HessianCore"]),
    // Verification and comparison: analyses per command, known-answer checks, head-to-head costs.
    .target(name: "HessianVerification", dependencies: ["HessianZoo"]),
    // Lessons: the guided walkthroughs.
    .target(name: "HessianLessons", dependencies: ["HessianVerification"]),
    // The public library product: re-exports every layer.
    .target(name: "HessianLab", dependencies: ["HessianLessons"]),
    .executableTarget(
      name: "hessian-lab",
      dependencies: [
        "HessianLab",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/HessianLabCLI"
    ),

    // MARK: - Test support and test bundles
    .target(name: "TestSupport", dependencies: ["HessianLab"]),
    .testTarget(
      name: "GSLBridgeTests",
      dependencies: [
        "GSLBridge", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "HessianLabTests",
      dependencies: [
        "HessianLab", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "CLITests", dependencies: ["HessianLab", "TestSupport", "hessian-lab"]),
  ]
)
