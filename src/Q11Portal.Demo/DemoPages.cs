using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Pages;

namespace Q11Portal.Demo;

/// <summary>The site pages of a fresh portal, written for the project: Giới thiệu (history, the Standing Committee with
/// drawn portraits, the organisation), Liên hệ and the privacy notice. Names and numbers are illustrative and say so.</summary>
internal static class DemoPages
{
    private static readonly (string Name, string Role)[] Committee =
    [
        ("Đồng chí Nguyễn Văn Minh", "Bí thư Quận ủy"),
        ("Đồng chí Trần Thị Hòa", "Phó Bí thư Thường trực Quận ủy"),
        ("Đồng chí Lê Quang Vinh", "Phó Bí thư Quận ủy, Chủ tịch UBND quận"),
        ("Đồng chí Phạm Thị Thu", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Quận ủy"),
        ("Đồng chí Võ Minh Đức", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Quận ủy"),
        ("Đồng chí Huỳnh Ngọc Lan", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân vận Quận ủy"),
    ];

    public static void Add(PortalDbContext db, ArticleHtmlSanitizer sanitizer, DemoImages images, DateTime nowUtc)
    {
        var portraits = Committee.Select((c, i) =>
        {
            var media = images.Create($"demo/ban-thuong-vu-{i + 1}", c.Name, c.Role, i, 7000 + i, nowUtc);
            media.Caption = c.Name + " — " + c.Role;
            return media;
        }).ToList();
        db.MediaFiles.AddRange(portraits);

        var committee = string.Concat(Committee.Select((c, i) =>
            $"<figure class=\"image\"><img src=\"{MediaPaths.RenditionUrl(portraits[i].StoredName, 480)}\" alt=\"Ảnh minh họa: {c.Name}\" width=\"480\" height=\"270\">" +
            $"<figcaption><strong>{c.Name}</strong><br>{c.Role}</figcaption></figure>"));
        Add(db, sanitizer, nowUtc, SitePageRules.AboutSlug, "Giới thiệu", PagePlacement.MainMenu, 1,
            "Lịch sử Đảng bộ Quận 11, Ban Thường vụ Quận ủy và tổ chức bộ máy.", AboutHtml.Replace("{committee}", committee, StringComparison.Ordinal));
        Add(db, sanitizer, nowUtc, SitePageRules.ContactSlug, "Liên hệ", PagePlacement.MainMenu, 2,
            "Địa chỉ, điện thoại, email, giờ làm việc của Văn phòng Quận ủy Quận 11 và Hộp thư góp ý.", ContactHtml);
        Add(db, sanitizer, nowUtc, SitePageRules.PrivacySlug, "Chính sách riêng tư", PagePlacement.Footer, 1,
            "Cổng thông tin lưu gì về người đọc, người bình luận và người gửi thư góp ý.", PrivacyHtml);
        Add(db, sanitizer, nowUtc, "huong-dan-su-dung", "Hướng dẫn sử dụng cổng thông tin", PagePlacement.Footer, 2,
            "Cách tìm tin, xem lịch công tác, bình luận và gửi thư góp ý.", GuideHtml);
    }

    private static void Add(PortalDbContext db, ArticleHtmlSanitizer sanitizer, DateTime nowUtc, string slug, string title, PagePlacement placement, int order, string summary, string html)
    {
        var page = new SitePage
        {
            Slug = slug, Title = title, Summary = summary, BodyHtml = sanitizer.Sanitize(html), Placement = placement, SortOrder = order,
            IsPublished = true, CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc, UpdatedBy = "admin@q11.local", Version = Guid.NewGuid(),
        };
        page.Revisions.Add(new SitePageRevision { Number = 1, AtUtc = nowUtc, UserName = "admin@q11.local", Title = title, BodyHtml = page.BodyHtml });
        db.SitePages.Add(page);
    }

    private const string AboutHtml = """
        <p><em>Nội dung minh họa do nhóm phát triển cổng thông tin biên soạn; tên và ảnh dưới đây không phải của người thật.</em></p>
        <h2>Lịch sử Đảng bộ Quận 11</h2>
        <p>Quận 11 được thành lập sau ngày miền Nam hoàn toàn giải phóng, thống nhất đất nước, trên địa bàn có truyền thống cách mạng
        của đồng bào các dân tộc Kinh, Hoa cùng sinh sống. Ngay từ những ngày đầu, Đảng bộ quận lãnh đạo nhân dân ổn định đời sống,
        khôi phục sản xuất tiểu thủ công nghiệp, xây dựng chính quyền cơ sở vững mạnh.</p>
        <p>Qua các nhiệm kỳ đại hội, Đảng bộ Quận 11 không ngừng được củng cố về chính trị, tư tưởng, đạo đức và tổ chức; phát huy
        truyền thống đoàn kết, đổi mới, sáng tạo, lãnh đạo quận phát triển kinh tế – xã hội, chỉnh trang đô thị, bảo đảm quốc phòng,
        an ninh và chăm lo đời sống nhân dân.</p>
        <h2>Ban Thường vụ Quận ủy</h2>
        <p>Ban Thường vụ Quận ủy nhiệm kỳ hiện tại gồm các đồng chí:</p>
        {committee}
        <h2>Tổ chức bộ máy</h2>
        <ul>
          <li>Ban Chấp hành Đảng bộ Quận 11
            <ul>
              <li>Ban Thường vụ Quận ủy
                <ul><li>Thường trực Quận ủy</li></ul>
              </li>
              <li>Ủy ban Kiểm tra Quận ủy</li>
            </ul>
          </li>
          <li>Các cơ quan tham mưu, giúp việc
            <ul>
              <li>Văn phòng Quận ủy</li>
              <li>Ban Tổ chức Quận ủy</li>
              <li>Ban Tuyên giáo và Dân vận Quận ủy</li>
              <li>Cơ quan Ủy ban Kiểm tra Quận ủy</li>
              <li>Trung tâm Chính trị quận</li>
            </ul>
          </li>
          <li>Tổ chức cơ sở đảng
            <ul>
              <li>Đảng bộ các phường</li>
              <li>Đảng bộ cơ quan Đảng – đoàn thể quận; Đảng bộ cơ quan chính quyền quận</li>
              <li>Đảng bộ Quân sự quận; Đảng bộ Công an quận</li>
              <li>Các chi bộ, đảng bộ trường học, bệnh viện, doanh nghiệp</li>
            </ul>
          </li>
        </ul>
        """;

    private const string ContactHtml = """
        <h2>Văn phòng Quận ủy Quận 11</h2>
        <ul>
          <li><strong>Địa chỉ:</strong> 270 Bình Thới, Phường 10, Quận 11, Thành phố Hồ Chí Minh</li>
          <li><strong>Điện thoại:</strong> <a href="tel:+842800000000">(028) 0000 0000</a> (số minh họa)</li>
          <li><strong>Email:</strong> <a href="mailto:vanphong.quanuy@example.org">vanphong.quanuy@example.org</a> (địa chỉ minh họa)</li>
          <li><strong>Giờ làm việc:</strong> Thứ Hai đến Thứ Sáu, sáng 7g30 – 11g30, chiều 13g00 – 17g00; sáng Thứ Bảy 7g30 – 11g30 (tiếp nhận hồ sơ, văn bản).</li>
        </ul>
        <h2>Tiếp công dân</h2>
        <p>Bí thư Quận ủy tiếp công dân định kỳ vào chiều thứ Ba tuần thứ hai và tuần thứ tư hằng tháng tại Trụ sở Tiếp công dân quận.
        Lịch cụ thể xem tại trang <a href="/lich-cong-tac">Lịch công tác</a>.</p>
        """;

    private const string PrivacyHtml = """
        <p>Trang này nói rõ Trang thông tin điện tử Đảng bộ Quận 11 lưu những gì về người sử dụng, để làm gì và trong bao lâu.</p>
        <h2 id="nguoi-doc">Người đọc tin</h2>
        <ul>
          <li><strong>Cookie đếm lượt truy cập</strong> (tên <code>q11_vid</code>): một mã ngẫu nhiên, không chứa thông tin cá nhân, giữ tối đa 365 ngày,
          chỉ để đếm “số lượt người xem” và “số lượt truy cập” không trùng lặp. Trang không dùng cookie quảng cáo hay công cụ theo dõi của bên thứ ba.</li>
          <li><strong>Trình duyệt không nhận cookie:</strong> địa chỉ IP và tên trình duyệt được băm (mã hóa một chiều) với một khóa ngẫu nhiên đổi mỗi ngày,
          chỉ dùng để không đếm trùng trong ngày; không lưu địa chỉ IP.</li>
          <li><strong>Bộ đếm:</strong> chỉ lưu con số tổng theo bài viết và theo ngày, không gắn với người đọc nào.</li>
          <li><strong>Nhật ký máy chủ:</strong> ghi địa chỉ được yêu cầu, thời gian và mã kết quả để bảo đảm an toàn hệ thống.</li>
        </ul>
        <h2 id="binh-luan">Người gửi bình luận</h2>
        <ul>
          <li>Họ tên và nội dung bình luận được hiển thị công khai sau khi Ban Biên tập duyệt.</li>
          <li>Email (không bắt buộc) chỉ Ban Biên tập thấy, để liên hệ khi cần; không hiển thị và không chia sẻ.</li>
          <li>Địa chỉ IP của người gửi được giữ tối đa 30 ngày để chống thư rác và lạm dụng, sau đó tự động xóa; ngoài ra chỉ lưu dạng băm đổi theo ngày.</li>
        </ul>
        <h2 id="thu-gop-y">Người gửi thư góp ý</h2>
        <ul>
          <li>Họ tên, email hoặc số điện thoại, địa chỉ (nếu có), tiêu đề và nội dung thư được lưu để Văn phòng Quận ủy đọc, chuyển đến nơi giải quyết và phản hồi.</li>
          <li>Thư <strong>không bao giờ đăng công khai</strong>. Chỉ quản trị viên được giao nhiệm vụ đọc thư; mỗi lần mở thư đều được ghi nhật ký.</li>
          <li>Địa chỉ IP không được lưu, chỉ lưu dạng băm đổi theo ngày để phát hiện gửi hàng loạt.</li>
          <li>Người gửi có thể đề nghị xóa thư của mình qua email ở trang <a href="/lien-he">Liên hệ</a>.</li>
        </ul>
        <h2>Chống thư rác</h2>
        <p>Biểu mẫu bình luận và thư góp ý dùng phép xác minh chạy ngay trên trình duyệt của bạn (không gửi dữ liệu cho bên thứ ba)
        và giới hạn số lần gửi trong một khoảng thời gian.</p>
        """;

    private const string GuideHtml = """
        <h2>Tìm tin bài</h2>
        <p>Gõ từ khóa vào ô <strong>Tìm kiếm</strong> ở đầu trang; có thể gõ không dấu. Xem tin theo ngày ở mục <a href="/xem-theo-ngay">Xem theo ngày</a>.</p>
        <h2>Lịch công tác</h2>
        <p>Trang <a href="/lich-cong-tac">Lịch công tác</a> hiện lịch tuần này của Ban Thường vụ Quận ủy; dùng “Tuần trước”, “Tuần sau” hoặc ô chọn tuần
        để xem tuần khác, “In lịch tuần” để in. Mục được thay đổi sau khi công bố có nhãn “Điều chỉnh” kèm thời gian.</p>
        <h2>Bình luận và góp ý</h2>
        <p>Bình luận dưới mỗi bài viết được hiển thị sau khi duyệt. Ý kiến, kiến nghị gửi riêng cho Quận ủy xin dùng Hộp thư góp ý ở trang <a href="/lien-he">Liên hệ</a>.</p>
        """;
}
