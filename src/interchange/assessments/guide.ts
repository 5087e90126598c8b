import { CLEAR_WORD, HEADERS } from './layout.ts';

/** The instructions of the guide sheet, in the order officers read them. */
export const GUIDE_LINES: readonly string[] = [
  'Mỗi trang tính là một đơn vị (xã, phường, thị trấn hoặc xóm). Các dòng theo thứ tự tiêu chí và chỉ tiêu của quyết định.',
  `Chỉ nhập ở hai cột có nền vàng: "${HEADERS.newValue}" và "${HEADERS.note}". Các ô khác bị khoá (khoá trang tính không có mật khẩu) để giữ nguyên cấu trúc phiếu.`,
  `Cột "${HEADERS.newValue}": để trống là giữ nguyên giá trị hiện tại; ghi ${CLEAR_WORD} để xoá giá trị đã lưu.`,
  'Số: ghi số, dùng dấu phẩy hoặc dấu chấm cho phần thập phân (ví dụ 92,5). Tỷ lệ (%) từ 0 đến 100. Không dùng công thức.',
  'Có/không: chọn "Đạt" hoặc "Chưa đạt". Tiêu chí đánh giá chung: chọn trong danh sách ("Đạt", "Cơ bản đạt" khi bộ cho phép, "Chưa đạt").',
  `Cột "${HEADERS.note}": ghi chú hiện có được điền sẵn; sửa để thay, xoá hết chữ trong ô để bỏ ghi chú.`,
  'Không thêm, xoá hay đổi tên trang tính. Nạp lại tệp tại trang "Nhập/xuất Excel". Nếu tệp còn lỗi, không có gì được lưu; báo cáo nêu trang tính, dòng và cột của từng lỗi.',
  'Nếu ai đó đã lưu bản đánh giá sau khi phiếu được tải về, phiếu bị từ chối: hãy tải phiếu mới.',
  'In: mỗi trang tính in trên khổ A4 nằm ngang, vừa một trang theo chiều rộng, dòng tiêu đề cột lặp lại ở mỗi trang.',
];
