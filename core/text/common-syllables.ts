/**
 * The 300 most frequent accented Vietnamese syllables in the seed documents (shared/seeds),
 * lower-case NFC. Breaks ties between legacy decodings: "cuûa tænh" reads as VNI "của tỉnh"
 * (both common) or TCVN3 "cuỷa tổnh" (neither is a word).
 */
export const COMMON_SYLLABLES: ReadonlySet<string> = new Set(
  (
    'các bộ và công số chính vụ triển cơ của liệu dữ về thành thực hoàn quốc với nghệ hành đổi chỉ phương ' +
    'tháng thông nhiệm địa học để ngành đạo hiện định chuyển dân xây dựng cấp tổ hợp thủ phát quyết tạo phủ ' +
    'bảo nghiệp có việc đề đồng trình chức được kết dụng pháp sở năm giải ương án nghị nhân đã tài tại tư ' +
    'trực đảm đảng thống người văn ngày chủ tục đầu quả liên hội ủy dịch chưa trên phối mới phục báo thể kế ' +
    'hệ tỉnh hoạch động phòng điện cứu tử nghiên đối sáng đơn chế ứng sử tế thường lý nhất luật tác tâm tập ' +
    'đến thuộc hiệu tuyến thời giảm toàn soát đẩy cầu không trị vào hóa làm nước dẫn việt cáo ký lực điểm phí ' +
    'nối hướng xuất xã tướng trì là độ yêu bản nhận thiện chiến từ trước giá giáo sách rà nội chí kiểm trường ' +
    'lập cắt nền tảng huyện một thức lược vị trương trọng xác tổng quyền đánh sản hoá phần trưởng trách sơ ' +
    'nhà khẩn uỷ hình dục còn phải chuyên điều cư những hồ tiếp mục giấy ngân lượng dùng môi kiến hạ tầng ' +
    'quản viên sát đất đào mạnh tối chất hàng tiến tiêu mật nguồn tích mạng thị thư dự bcđtw thúc đạt cụ cập ' +
    'hoạt truyền trí nâng như thiết viện tịch sạch tái xuyên bí đai sẻ phân sự đăng năng rõ đưa vấn phạm lĩnh ' +
    'vực phẩm gửi đúng đáp vận quý cần trúc đoạn bệnh đốc chuẩn tỷ tờ phố đủ nông quá thẩm nhật tiết bình ' +
    'lãnh khối chậm thác bổ ở bị mức ngoài giúp phó mặt xếp nhiều mềm lộ cán đặc nguyên mô luận tiên chương ' +
    'khoản đại bố đôn yếu'
  ).split(' '),
);
