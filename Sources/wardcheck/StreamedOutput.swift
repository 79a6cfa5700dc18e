import WardcheckCore
import WardcheckReports

/// A report written out as it is made, so that no report is ever whole in memory: to standard
/// output, or to `-o FILE` through `AtomicFile.Writer`, which replaces the file only once the
/// report is complete. A failure to write is what `OutputOptions.emit` makes of it: one line on
/// standard error and exit 74, the temporary file removed first.
final class StreamedOutput: ReportOutput {
    private var file: AtomicFile.Writer?

    init(_ output: OutputOptions) {
        guard let path = output.output else { return }
        do {
            file = try AtomicFile.Writer(path)
        } catch {
            StandardStreams.fail(error.message.map { "wardcheck: " + $0 })
        }
    }

    func write(_ bytes: [UInt8]) {
        guard let writer = file else { return StandardStreams.out(bytes: bytes) }
        do {
            try writer.write(bytes)
        } catch {
            failed(error)
        }
    }

    /// Everything written: the file, when there is one, takes the target's place.
    func finish() {
        guard let writer = file else { return }
        do {
            try writer.commit()
        } catch {
            failed(error)
        }
    }

    /// Nothing more will be written (the report could not be made): the temporary file goes and
    /// the target stays as it was.
    func abandon() {
        file = nil
    }

    private func failed(_ error: AtomicFile.Failure) -> Never {
        file = nil
        StandardStreams.fail(error.message.map { "wardcheck: " + $0 })
    }
}
