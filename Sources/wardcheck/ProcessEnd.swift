/// What a command holds when its work is done, left for the operating system to take back with
/// the whole process instead of freed piece by piece as the command returns: freeing a country's
/// audit (its rows, the roster, the file list, the evaluator) was 2-3 ms on one core after the
/// report was out, time the user waits for and nothing gains. Only for values that are alive
/// until then anyway, so no peak grows.
enum ProcessEnd {
    // Touched by the command's own thread alone.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        kept.append(contentsOf: values)
    }
}
