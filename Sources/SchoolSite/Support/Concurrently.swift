/// Runs two jobs at once, on two cores when the machine has them.
/// - Returns: what `first` returns, once both are done.
func concurrently<T: Sendable>(_ first: @Sendable () -> T, _ second: @Sendable () -> Void) -> T {
    [true, false].parallelMap { isFirst -> T? in
        guard isFirst else {
            second()
            return nil
        }
        return first()
    }[0]!
}
