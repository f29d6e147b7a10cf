using System.Text;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;

namespace Q11Portal.Demo.Generation;

/// <summary>One synthetic article, before it becomes an entity.</summary>
public sealed record SyntheticArticle(
    string Title,
    string Summary,
    IReadOnlyList<string> Paragraphs,
    string Category,
    IReadOnlyList<string> Tags,
    DateTime PublishedAtUtc,
    string Byline,
    long ViewCount);

/// <summary>Deterministic Vietnamese news-like text for benchmarks: article <c>n</c> of seed <c>s</c> is always the same,
/// whatever the batch size. Written from phrase lists of our own (no sentence comes from a real page); lengths follow
/// the development corpus (a title of 8–20 words, a one- or two-sentence sapo, 4–8 paragraphs of 200–500 words).</summary>
public static class SyntheticNews
{
    /// <summary>The portal's six main sections; the generator spreads articles over them.</summary>
    public static readonly string[] Categories =
    [
        "Hoạt động Đảng - Đoàn thể",
        "Chính quyền",
        "Y tế - Sức khỏe",
        "Văn hóa - Xã hội",
        "Quốc phòng - An ninh",
        "Đô thị",
    ];

    /// <summary>Articles are spread over these local years (fixed, so that a seed always gives the same dates).</summary>
    public static readonly DateTime FirstDayLocal = new(2016, 1, 1);
    public static readonly DateTime EndDayLocal = new(2026, 1, 1);

    private sealed record Theme(string Category, string[] Actions, string[] Objects, string[] Details, string[] Tags);

    private static readonly Theme[] Themes =
    [
        new("Hoạt động Đảng - Đoàn thể",
            ["sơ kết", "tổng kết", "triển khai", "quán triệt", "đánh giá kết quả", "phát động"],
            ["việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Chỉ thị 05-CT/TW của Bộ Chính trị",
             "Kết luận 01-KL/TW", "công tác phát triển đảng viên mới", "công tác kiểm tra, giám sát",
             "nghị quyết đại hội đảng bộ", "phong trào thanh niên tình nguyện", "cuộc vận động xây dựng tổ dân phố văn minh"],
            ["các chi bộ khu phố đăng ký một việc làm theo Bác có sản phẩm cụ thể",
             "cấp ủy đã kết nạp thêm đảng viên là đoàn viên ưu tú và quần chúng tiêu biểu",
             "ban chỉ đạo lựa chọn vấn đề bức xúc của người dân để tập trung giải quyết",
             "nhiều mô hình dân vận khéo được nhân rộng ở các khu phố",
             "đoàn viên thanh niên ra quân hỗ trợ người dân làm thủ tục trực tuyến",
             "đảng viên giữ mối liên hệ thường xuyên với nơi cư trú"],
            ["Chỉ thị 05", "xây dựng Đảng", "làm theo Bác", "kiểm tra giám sát", "phát triển đảng viên", "dân vận khéo", "Quận Đoàn", "thanh niên tình nguyện"]),
        new("Chính quyền",
            ["triển khai", "rà soát", "đẩy mạnh", "kiểm tra", "hoàn thành", "công bố"],
            ["dịch vụ công trực tuyến toàn trình", "bộ phận tiếp nhận và trả kết quả một cửa", "kế hoạch chuyển đổi số",
             "công tác tiếp công dân", "chương trình giảm nghèo bền vững", "việc chi trả trợ cấp cho người có công",
             "cải cách thủ tục hành chính", "dự toán ngân sách năm"],
            ["tỷ lệ hồ sơ giải quyết đúng hạn đạt trên chín mươi phần trăm",
             "người dân có thể theo dõi tình trạng hồ sơ qua tin nhắn",
             "cán bộ bộ phận một cửa được tập huấn kỹ năng giao tiếp",
             "các hộ nghèo, cận nghèo được khảo sát lại nhu cầu hỗ trợ",
             "ủy ban phường tổ chức đối thoại với người dân về các thủ tục đất đai",
             "kinh phí được phân bổ kịp thời cho các công trình dân sinh"],
            ["cải cách hành chính", "dịch vụ công", "chuyển đổi số", "một cửa", "tiếp công dân", "an sinh xã hội", "giảm nghèo"]),
        new("Y tế - Sức khỏe",
            ["phát động", "tăng cường", "triển khai", "tổ chức", "kiểm tra", "khuyến cáo"],
            ["chiến dịch diệt lăng quăng phòng sốt xuất huyết", "đợt tiêm chủng mở rộng cho trẻ em",
             "công tác phòng chống bệnh tay chân miệng", "kiểm tra an toàn thực phẩm tại bếp ăn tập thể",
             "khám sức khỏe miễn phí cho người cao tuổi", "chương trình chăm sóc sức khỏe sinh sản",
             "hiến máu tình nguyện", "phòng chống tác hại của thuốc lá"],
            ["trạm y tế phường bố trí thêm bàn tiêm vào cuối tuần",
             "tổ dân phố đi từng nhà hướng dẫn xử lý vật chứa nước đọng",
             "cơ sở kinh doanh thực phẩm vi phạm bị nhắc nhở và xử phạt",
             "nhân viên y tế khuyến cáo phụ huynh theo dõi sát sức khỏe của trẻ",
             "người cao tuổi được đo huyết áp, thử đường huyết và tư vấn dinh dưỡng",
             "số ca mắc giảm rõ so với cùng kỳ năm trước"],
            ["sốt xuất huyết", "tiêm chủng", "tay chân miệng", "an toàn thực phẩm", "người cao tuổi", "hiến máu", "y tế cơ sở"]),
        new("Văn hóa - Xã hội",
            ["tổ chức", "khai mạc", "trao tặng", "phát động", "ra mắt", "bế mạc"],
            ["hội thi gia đình văn hóa tiêu biểu", "giải bóng đá thiếu niên hè", "ngày hội đọc sách",
             "chương trình Xuân yêu thương cho hộ khó khăn", "lễ hội văn hóa các dân tộc", "nhà tình nghĩa",
             "học bổng cho học sinh vượt khó", "liên hoan văn nghệ quần chúng"],
            ["thư viện quận mở thêm giờ phục vụ vào buổi tối",
             "các đội đến từ mười sáu phường tranh tài sôi nổi",
             "mạnh thường quân đóng góp quà cho học sinh có hoàn cảnh khó khăn",
             "nhiều tiết mục mang đậm bản sắc văn hóa của đồng bào người Hoa",
             "hội khuyến học phường trao học bổng cho các em học tốt",
             "mỗi phần quà gồm gạo, dầu ăn và tiền mặt"],
            ["văn hóa", "thể thao", "khuyến học", "Tết", "gia đình văn hóa", "thư viện", "từ thiện", "người Hoa"]),
        new("Quốc phòng - An ninh",
            ["tổ chức", "diễn tập", "ra quân", "tuyên truyền", "kiểm tra", "bàn giao"],
            ["công tác tuyển chọn và gọi công dân nhập ngũ", "diễn tập phòng cháy chữa cháy tại chung cư",
             "cao điểm bảo đảm trật tự an toàn giao thông", "huấn luyện lực lượng dân quân tự vệ",
             "mô hình camera an ninh khu phố", "phong trào toàn dân bảo vệ an ninh Tổ quốc",
             "tuyên truyền phòng chống lừa đảo qua mạng", "kiểm tra nồng độ cồn người điều khiển phương tiện"],
            ["thanh niên trúng tuyển được gia đình và địa phương tiễn lên đường",
             "lực lượng chữa cháy tại chỗ thực hành cứu người mắc kẹt",
             "người dân được hướng dẫn cách nhận biết cuộc gọi giả danh cơ quan chức năng",
             "các tổ tuần tra nhân dân duy trì hoạt động vào ban đêm",
             "nhiều trường hợp không đội mũ bảo hiểm bị lập biên bản",
             "camera lắp tại các đầu hẻm giúp phát hiện kịp thời hành vi vi phạm"],
            ["nghĩa vụ quân sự", "phòng cháy chữa cháy", "an toàn giao thông", "dân quân tự vệ", "an ninh trật tự", "lừa đảo qua mạng", "nồng độ cồn"]),
        new("Đô thị",
            ["ra quân", "chỉnh trang", "nâng cấp", "kiểm tra", "khởi công", "hoàn thành"],
            ["lập lại trật tự lòng lề đường", "nâng cấp hẻm và hệ thống thoát nước", "trồng thêm cây xanh trên các tuyến đường",
             "thu gom rác thải sinh hoạt", "cải tạo công viên và sân chơi thiếu nhi", "xử lý công trình xây dựng không phép",
             "chống ngập tại các điểm trũng", "phân loại rác tại nguồn"],
            ["các hộ kinh doanh cam kết không lấn chiếm vỉa hè",
             "tuyến hẻm sau khi nâng cấp không còn ngập khi triều cường",
             "người dân góp công, góp đất để mở rộng lối đi",
             "đội trật tự đô thị duy trì kiểm tra vào giờ cao điểm",
             "mỗi khu phố có ít nhất một điểm tập kết rác có mái che",
             "công viên mới có thêm máy tập thể dục ngoài trời"],
            ["trật tự đô thị", "chống ngập", "cây xanh", "rác thải", "vỉa hè", "chỉnh trang đô thị", "hẻm"]),
    ];

    /// <summary>Every tag an article can get: the themes' keywords and the sixteen wards.</summary>
    public static IReadOnlyList<string> AllTags { get; } =
        [.. Themes.SelectMany(t => t.Tags).Concat(Enumerable.Range(1, 16).Select(n => $"Phường {n}")).Distinct()];

    private static readonly string[] Units =
    [
        "Quận ủy Quận 11", "UBND Quận 11", "Ủy ban MTTQ Việt Nam Quận 11", "Quận Đoàn 11", "Hội Liên hiệp Phụ nữ quận",
        "Hội Cựu chiến binh quận", "Trung tâm Y tế Quận 11", "Công an Quận 11", "Ban Chỉ huy Quân sự quận",
        "Phòng Văn hóa và Thông tin quận", "Trung tâm Văn hóa Quận 11", "Liên đoàn Lao động quận",
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Lâm", "Trương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoài", "Quốc", "Thu", "Đức", "Kim"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"];
    private static readonly string[] Positions = ["Bí thư Đảng ủy phường", "Chủ tịch UBND phường", "Phó Bí thư Quận ủy", "Phó Chủ tịch UBND quận", "Trưởng khu phố", "Bí thư chi bộ", "Trưởng ban Dân vận Quận ủy"];
    private static readonly string[] Openings = ["Sáng {0}", "Chiều {0}", "Ngày {1}", "Trong tuần qua", "Từ đầu năm đến nay", "Tối {0}", "Trong tháng {2}"];
    private static readonly string[] Weekdays = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
    private static readonly string[] Connectors = ["Bên cạnh đó", "Theo báo cáo", "Đáng chú ý", "Qua đó", "Cùng với đó", "Tuy nhiên", "Thời gian tới", "Theo kế hoạch"];
    private static readonly string[] Closings =
    [
        "Thời gian tới, địa phương tiếp tục duy trì và nhân rộng cách làm hiệu quả này.",
        "Ban tổ chức cũng khen thưởng các tập thể và cá nhân có thành tích tiêu biểu.",
        "Lãnh đạo quận đề nghị các đơn vị khắc phục những hạn chế đã được chỉ ra.",
        "Người dân có thể phản ánh qua đường dây nóng của ủy ban nhân dân phường.",
        "Kết quả thực hiện sẽ được sơ kết vào cuối quý để rút kinh nghiệm.",
    ];

    public static SyntheticArticle Create(int seed, int index)
    {
        // HashCode.Combine is randomised per process; this mix is stable across runs and machines.
        var random = new Random(unchecked((int)((uint)seed * 2654435761u ^ (uint)index * 40503u ^ 0x51A11u)));
        var theme = Themes[random.Next(Themes.Length)];
        var ward = random.Next(1, 17);
        var unit = random.Next(3) == 0 ? $"Phường {ward}" : Pick(random, Units);
        var action = Pick(random, theme.Actions);
        var subject = Pick(random, theme.Objects);

        var localTime = FirstDayLocal.AddMinutes(random.NextInt64((long)(EndDayLocal - FirstDayLocal).TotalMinutes));
        localTime = localTime.Date.AddHours(random.Next(6, 22)).AddMinutes(random.Next(60));
        var publishedAtUtc = LocalTime.ToUtc(localTime);

        var title = random.Next(4) switch
        {
            0 => $"{unit} {action} {subject}",
            1 => $"{unit} {action} {subject} năm {localTime.Year}",
            2 => $"{Capitalize(action)} {subject} tại {(unit.StartsWith("Phường", StringComparison.Ordinal) ? unit : $"Phường {ward}")}",
            _ => $"{unit}: {Pick(random, theme.Details)}",
        };

        var summary = $"{unit} {action} {subject}; {Pick(random, theme.Details)}.";
        if (random.Next(2) == 0)
        {
            summary += $" {Capitalize(Pick(random, theme.Details))}.";
        }

        var paragraphs = new List<string>();
        var count = random.Next(4, 9);
        for (var p = 0; p < count; p++)
        {
            paragraphs.Add(Paragraph(random, theme, unit, action, subject, ward, localTime, first: p == 0, last: p == count - 1));
        }

        var tags = new List<string> { Pick(random, theme.Tags) };
        var extra = random.Next(1, 4);
        for (var i = 0; i < extra; i++)
        {
            var tag = random.Next(4) == 0 ? $"Phường {ward}" : Pick(random, theme.Tags);
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        var byline = random.Next(3) == 0 ? unit : Person(random);
        // Long-tailed view counts: most articles are read a little, a few a lot.
        var views = (long)Math.Exp(random.NextDouble() * 9);
        return new SyntheticArticle(Truncate(title, Article.TitleMaxLength), summary, paragraphs, theme.Category, tags, publishedAtUtc, byline, views);
    }

    private static string Paragraph(Random random, Theme theme, string unit, string action, string subject, int ward, DateTime local, bool first, bool last)
    {
        var text = new StringBuilder();
        if (first)
        {
            var opening = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, Openings),
                Pick(random, Weekdays), $"{local.Day}-{local.Month}", local.Month);
            text.Append($"{opening}, {unit} {action} {subject}. ");
            text.Append($"Tham dự có đại diện các ban, ngành, đoàn thể quận và {random.Next(40, 400)} cán bộ, đảng viên, người dân Phường {ward}. ");
        }

        var sentences = random.Next(2, 6);
        for (var s = 0; s < sentences; s++)
        {
            text.Append(random.Next(6) switch
            {
                0 => $"{Pick(random, Connectors)}, {Pick(random, theme.Details)}. ",
                1 => $"Đến nay, {random.Next(2, 98)} phần trăm khu phố đã thực hiện, với {Number(random.Next(10, 3000))} lượt người tham gia. ",
                2 => $"Đồng chí {Person(random)}, {Pick(random, Positions)}, nhấn mạnh: “Mỗi cán bộ phải sâu sát cơ sở, lắng nghe ý kiến của người dân về {subject}”. ",
                3 => $"Tại Phường {random.Next(1, 17)}, {Pick(random, theme.Details)}. ",
                4 => $"Kinh phí thực hiện khoảng {Number(random.Next(50, 5000))} triệu đồng, từ ngân sách và nguồn xã hội hóa. ",
                _ => $"{Capitalize(Pick(random, theme.Details))}, góp phần nâng cao chất lượng {Pick(random, theme.Objects)}. ",
            });
        }

        if (last)
        {
            text.Append(Pick(random, Closings));
        }

        return text.ToString().Trim();
    }

    /// <summary>Vietnamese digit grouping (1.250), independent of the process culture.</summary>
    private static string Number(int value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    private static string Person(Random random) => $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}";

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
