// Lessons use verification, comparison and everything below.
@_exported import HessianVerification
