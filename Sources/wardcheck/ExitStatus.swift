import ArgumentParser
import WardcheckCore

/// The exit-code policy, one place: CI gates merges on these numbers.
enum ExitStatus {
    static let criteriaNotMet = Gate.exitCriteriaNotMet
    static let invalidInput = Gate.exitInvalidInput

    static let help = """
    Mã thoát / exit codes:
      0  mọi tệp hợp lệ và mọi đơn vị đạt / all files valid, every unit ready
      1  có tiêu chí không đạt hoặc chưa báo cáo / a criterion failed or was not reported
      2  có tệp đầu vào không hợp lệ / an input file is invalid (the others are still checked)
      64 cách gọi lệnh sai / usage error (as swift-argument-parser reports it), or -o naming an input
      74 không ghi được kết quả (đĩa đầy…) / the output could not be written (a full disk, /dev/full);
         a closed pipe (| head) is not an error: the output stops, the code is the run's own
    Với --fail-on, chỉ những loại được chọn (invalid, failed, not-reported) làm lệnh thất bại;
    tiêu chí được miễn trừ không bao giờ làm thất bại.
    With --fail-on, only the chosen kinds (invalid, failed, not-reported) fail the run;
    a waived criterion never does.
    """
}
