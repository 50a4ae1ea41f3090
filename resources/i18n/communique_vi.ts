<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Unknown language code {code!r}: use a two-letter ISO 639-1 code such as vi, en, ja, de, hi or uk.</source>
        <translation>Mã ngôn ngữ {code!r} không xác định: hãy dùng mã ISO 639-1 gồm hai chữ cái, ví dụ vi, en, ja, de, hi hoặc uk.</translation>
    </message>
    <message>
        <source>Practice mode keeps its own database: leave out --db (or leave practice mode).</source>
        <translation>Chế độ luyện tập dùng cơ sở dữ liệu riêng: bỏ --db (hoặc thoát chế độ luyện tập).</translation>
    </message>
    <message>
        <source>The post text</source>
        <extracomment>C0 controls other than tab and newline, and DEL. Characters that draw nothing although Unicode files them as letters or symbols. Categories that draw nothing: controls, formats (zero-width, bidi controls), separators, unassigned.</extracomment>
        <translation>Văn bản bài viết</translation>
    </message>
    <message>
        <source>a NUL byte</source>
        <translation>một byte NUL</translation>
    </message>
    <message>
        <source>the control character U+{code:04X}</source>
        <translation>ký tự điều khiển U+{code:04X}</translation>
    </message>
    <message>
        <source>{what} contains {name} at position {position}; remove it (only tabs and line breaks are kept).</source>
        <translation>{what} chứa {name} ở vị trí {position}; hãy xóa ký tự đó (chỉ giữ lại dấu tab và dấu xuống dòng).</translation>
    </message>
    <message>
        <source>Unknown platform {name!r}: choose one of {choices}.</source>
        <extracomment>A function giving a text&apos;s length in a platform&apos;s own unit. What a credential field may be called (it becomes part of a keyring entry and a variable name). Credential field -&gt; the environment variable that may supply it. Empty: the platform declares none, and any well-formed field name is accepted.</extracomment>
        <translation>Nền tảng {name!r} không xác định: hãy chọn một trong {choices}.</translation>
    </message>
    <message>
        <source>(none installed)</source>
        <translation>(chưa cài nền tảng nào)</translation>
    </message>
    <message>
        <source>No connector is installed for {name!r}: the installed ones are {known}.</source>
        <translation>Chưa cài trình kết nối cho {name!r}: các trình kết nối đã cài là {known}.</translation>
    </message>
    <message>
        <source>The text is {length} {unit}; {platform} allows {limit}.</source>
        <translation>Văn bản dài {length} {unit}; {platform} cho phép {limit}.</translation>
    </message>
    <message>
        <source>This post cannot be published to {account!r}, which posts without links (&quot;Post links on X&quot; is off): {problems}</source>
        <translation>Không thể đăng bài này lên {account!r}, tài khoản đăng bài không kèm liên kết (&quot;Đăng đường liên kết lên X&quot; đang tắt): {problems}</translation>
    </message>
    <message>
        <source>This post cannot be published to {account!r}: {problems}</source>
        <translation>Không thể đăng bài này lên {account!r}: {problems}</translation>
    </message>
    <message>
        <source>No account named {name!r}; see &apos;communique account list&apos;.</source>
        <translation>Không có tài khoản nào tên {name!r}; xem &apos;communique account list&apos;.</translation>
    </message>
    <message>
        <source>No account named {name!r}; see the Accounts screen.</source>
        <translation>Không có tài khoản nào tên {name!r}; xem màn hình Tài khoản.</translation>
    </message>
    <message>
        <source>A time in the audit filter needs its time zone.</source>
        <extracomment>Rows per page unless asked otherwise, and the most one read returns. Characters of a post&apos;s text kept as its label.</extracomment>
        <translation>Thời điểm trong bộ lọc Nhật ký hoạt động cần có múi giờ.</translation>
    </message>
    <message>
        <source>The period ends before it begins: choose a later end date.</source>
        <translation>Khoảng thời gian kết thúc trước khi bắt đầu: hãy chọn ngày kết thúc muộn hơn.</translation>
    </message>
    <message>
        <source>No post with id {post_id}.</source>
        <translation>Không có bài viết nào có mã {post_id}.</translation>
    </message>
    <message>
        <source>No variant with id {variant_id}.</source>
        <extracomment>The figures a snapshot holds, in the order of :class:`Reading` and of the rollup&apos;s columns. The figures that count as engagements (impressions are reach, not engagement). The age at which a post&apos;s engagements are compared across posts (best time to post). Index of each metric in a gains tuple; the last slot is ``rated_engagements``.</extracomment>
        <translation>Không có phiên bản nào có mã {variant_id}.</translation>
    </message>
    <message>
        <source>Unknown status {status!r}: choose one of {names}.</source>
        <translation>Trạng thái {status!r} không xác định: hãy chọn một trong {names}.</translation>
    </message>
    <message>
        <source>The period ends before it starts; pick an end after the start.</source>
        <extracomment>Characters of a variant&apos;s text a row carries (a list shows a line, the full text is a click away). Only these variants (``None``: any; empty: none), e.g. those waiting for the person.</extracomment>
        <translation>Khoảng thời gian kết thúc trước khi bắt đầu; hãy chọn ngày kết thúc sau ngày bắt đầu.</translation>
    </message>
    <message>
        <source>{target!r} is a folder; give a file name to write to.</source>
        <translation>{target!r} là một thư mục; hãy cho tên tệp để ghi vào.</translation>
    </message>
    <message>
        <source>Cannot write {target!r}: the folder {folder!r} does not exist.</source>
        <translation>Không ghi được {target!r}: thư mục {folder!r} không tồn tại.</translation>
    </message>
    <message>
        <source>Cannot write {target!r}: permission denied.</source>
        <translation>Không ghi được {target!r}: không có quyền.</translation>
    </message>
    <message>
        <source>Cannot write {target!r}: {reason}.</source>
        <translation>Không ghi được {target!r}: {reason}.</translation>
    </message>
    <message>
        <source>The period ends ({until}) before it starts ({since}); give --until on or after --since.</source>
        <extracomment>How many posts the report lists as the best and as the weakest. Heatmaps drawn at most (the accounts with the most engagements first), to keep the report short. The figures whose growth the report states.</extracomment>
        <translation>Khoảng thời gian kết thúc ({until}) trước khi bắt đầu ({since}); hãy cho --until bằng hoặc sau --since.</translation>
    </message>
    <message>
        <source>Unknown report format {fmt!r}: choose csv, xlsx or pdf.</source>
        <translation>Định dạng báo cáo {fmt!r} không xác định: hãy chọn csv, xlsx hoặc pdf.</translation>
    </message>
    <message>
        <source> with these filters</source>
        <translation> với các bộ lọc này</translation>
    </message>
    <message>
        <source>Nothing was published from {first} to {last} ({zone}){filtered}, so there is nothing to report.</source>
        <translation>Không có bài nào được đăng từ {first} đến {last} ({zone}){filtered}, nên không có gì để báo cáo.</translation>
    </message>
    <message>
        <source>{platform} accounts have no credential {field!r}; use one of {names}.</source>
        <extracomment>Practice mode&apos;s keyring entries: practice never reads them, and must never overwrite or delete the real accounts&apos; entries, which trainees&apos; accounts often share names with. Keyring entry listing the fields stored for an account (names only), so that removing the account can delete them all: keyrings cannot enumerate, and plugin platforms have their own fields.</extracomment>
        <translation>Tài khoản {platform} không có thông tin xác thực {field!r}; hãy dùng một trong {names}.</translation>
    </message>
    <message>
        <source>{field!r} is not a credential name: use lower-case letters, digits and _.</source>
        <translation>{field!r} không phải tên thông tin xác thực: hãy dùng chữ thường, chữ số và _.</translation>
    </message>
    <message>
        <source>The {field} for {account_name!r} is empty.</source>
        <translation>{field} của {account_name!r} đang trống.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this machine; set the COMMUNIQUE_* environment variables for this session instead (see the README).</source>
        <translation>Máy này không có kho khóa an toàn; thay vào đó hãy đặt các biến môi trường COMMUNIQUE_* cho phiên làm việc này (xem README).</translation>
    </message>
    <message>
        <source>The keyring refused to store the {field}: {kind}.</source>
        <translation>Kho khóa từ chối lưu {field}: {kind}.</translation>
    </message>
    <message>
        <source>Only X accounts have this choice: X charges more for a post with a link.</source>
        <extracomment>``variants.last_error_class`` of a post held because the platform wants its developer account paid for. ``variants.last_error_class`` of a published post whose figures cannot be read (``scheduler.poller``). The access levels X shows through its answers (its 402 says the developer account is pay-per-use). What a link looks like in a text (the scheme is what X and Facebook turn into a link).</extracomment>
        <translation>Chỉ tài khoản X có lựa chọn này: X tính phí cao hơn cho bài có đường liên kết.</translation>
    </message>
    <message>
        <source>Cannot read the API base URL {url!r}: check the host and port.</source>
        <translation>Không đọc được URL gốc của API {url!r}: hãy kiểm tra máy chủ và cổng.</translation>
    </message>
    <message>
        <source>The API base URL {url!r} must start with http:// or https:// and name a host.</source>
        <translation>URL gốc của API {url!r} phải bắt đầu bằng http:// hoặc https:// và có tên máy chủ.</translation>
    </message>
    <message>
        <source>The API base URL must not carry a user name or password; store secrets in the keyring.</source>
        <translation>URL gốc của API không được chứa tên người dùng hay mật khẩu; hãy lưu thông tin bí mật trong kho khóa.</translation>
    </message>
    <message>
        <source>The account name is empty.</source>
        <translation>Tên tài khoản đang trống.</translation>
    </message>
    <message>
        <source>The account name</source>
        <translation>Tên tài khoản</translation>
    </message>
    <message>
        <source>The handle</source>
        <translation>Tên định danh</translation>
    </message>
    <message>
        <source>The account name is longer than {max_name} characters.</source>
        <translation>Tên tài khoản dài hơn {max_name} ký tự.</translation>
    </message>
    <message>
        <source>A {clean_platform} account needs its id on the platform ({label}); add it to the account.</source>
        <translation>Tài khoản {clean_platform} cần mã của nó trên nền tảng ({label}); hãy thêm mã đó vào tài khoản.</translation>
    </message>
    <message>
        <source> (a removed account keeps the name for its published history)</source>
        <translation> (tài khoản đã xóa vẫn giữ tên này cho lịch sử các bài đã đăng)</translation>
    </message>
    <message>
        <source>An account named {clean_name!r} already exists{hint}.</source>
        <translation>Đã có tài khoản tên {clean_name!r}{hint}.</translation>
    </message>
    <message>
        <source>{what} must be one line, without tabs.</source>
        <translation>{what} phải nằm trên một dòng, không có dấu tab.</translation>
    </message>
    <message>
        <source>The grace window cannot be negative.</source>
        <translation>Thời gian gia hạn không được là số âm.</translation>
    </message>
    <message>
        <source>The grace window can be at most 7 days (10080 minutes).</source>
        <translation>Thời gian gia hạn tối đa là 7 ngày (10080 phút).</translation>
    </message>
    <message>
        <source>The account {name!r} still has {pending} post(s) to publish; cancel them first.</source>
        <translation>Tài khoản {name!r} vẫn còn {pending} bài chờ đăng; hãy hủy các bài đó trước.</translation>
    </message>
    <message>
        <source>Variant {variant_id} to {account!r} needs an approver&apos;s approval before it can be scheduled; submit it for approval first.</source>
        <extracomment>The longest rejection comment kept.</extracomment>
        <translation>Phiên bản {variant_id} gửi tới {account!r} cần được người phê duyệt phê duyệt rồi mới lên lịch được; hãy gửi phê duyệt trước.</translation>
    </message>
    <message>
        <source>The account {account!r} requires approval: create the post as a draft, submit it, and schedule it once it is approved.</source>
        <translation>Tài khoản {account!r} cần phê duyệt: hãy tạo bài dưới dạng bản nháp, gửi phê duyệt, rồi lên lịch khi bài đã được phê duyệt.</translation>
    </message>
    <message>
        <source>Post {post_id} has no variant that can still go through approval.</source>
        <translation>Bài viết {post_id} không còn phiên bản nào có thể gửi phê duyệt.</translation>
    </message>
    <message>
        <source>Name at least one variant (or a post).</source>
        <translation>Hãy nêu ít nhất một phiên bản (hoặc một bài viết).</translation>
    </message>
    <message>
        <source>Variant {variant_id} changed meanwhile; look at it again and retry.</source>
        <translation>Phiên bản {variant_id} vừa bị thay đổi; hãy xem lại rồi thử lại.</translation>
    </message>
    <message>
        <source>Variant {variant_id} ({account_name}) is {status}; {doing}.</source>
        <translation>Phiên bản {variant_id} ({account_name}) đang ở trạng thái {status}; {doing}.</translation>
    </message>
    <message>
        <source>Post {post_id} has nothing left to submit: it is in review or approved.</source>
        <translation>Bài viết {post_id} không còn gì để gửi: bài đang chờ phê duyệt hoặc đã được phê duyệt.</translation>
    </message>
    <message>
        <source>it can no longer be submitted</source>
        <translation>không thể gửi phê duyệt nữa</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>đang chờ phê duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã được phê duyệt</translation>
    </message>
    <message>
        <source>Variant {variant_id} is already {state}.</source>
        <translation>Phiên bản {variant_id} hiện {state} rồi.</translation>
    </message>
    <message>
        <source>there is nothing to approve</source>
        <translation>không có gì để phê duyệt</translation>
    </message>
    <message>
        <source>Variant {variant_id} is already approved.</source>
        <translation>Phiên bản {variant_id} đã được phê duyệt rồi.</translation>
    </message>
    <message>
        <source>Say why it is rejected: the comment is what its author will read.</source>
        <translation>Hãy nói lý do từ chối: tác giả sẽ đọc nhận xét này.</translation>
    </message>
    <message>
        <source>The comment is {length:,} characters; keep it under {max_comment:,}.</source>
        <translation>Nhận xét dài {length:,} ký tự; hãy giữ dưới {max_comment:,}.</translation>
    </message>
    <message>
        <source>it can no longer be rejected</source>
        <translation>không thể từ chối nữa</translation>
    </message>
    <message>
        <source>Variant {variant_id} is not waiting for approval; there is nothing to reject.</source>
        <translation>Phiên bản {variant_id} không chờ phê duyệt; không có gì để từ chối.</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}.</source>
        <translation>Không mở được cơ sở dữ liệu {url}: {reason}.</translation>
    </message>
    <message>
        <source>The post text is {length:,} characters; the most Communiqué keeps is {max_text:,}.</source>
        <extracomment>Statuses of a variant that still waits for a person to schedule it. Statuses of a variant that can be taken off a post by unticking its account (nothing was sent). ``None``: the language of the first chosen account. Accounts whose variant lost its review mark because the source changed. Why the post could not follow the draft (e.g. already published), as a sentence.</extracomment>
        <translation>Văn bản bài viết dài {length:,} ký tự; Communiqué giữ tối đa {max_text:,}.</translation>
    </message>
    <message>
        <source>The draft text</source>
        <translation>Văn bản bản nháp</translation>
    </message>
    <message>
        <source>A post can carry at most {max_files} media files.</source>
        <extracomment>The largest file any supported platform takes (X video: 512 MB).</extracomment>
        <translation>Một bài viết chỉ được kèm tối đa {max_files} tệp hình ảnh, video.</translation>
    </message>
    <message>
        <source>An alt text is longer than {max_alt_text} characters.</source>
        <translation>Một văn bản thay thế dài hơn {max_alt_text} ký tự.</translation>
    </message>
    <message>
        <source>No draft with id {draft_id}.</source>
        <translation>Không có bản nháp nào có mã {draft_id}.</translation>
    </message>
    <message>
        <source>The post already went, was tried or repeats to {account_name!r}; cancel it in the Queue instead of unticking the account.</source>
        <translation>Bài viết đã được gửi, đã được thử gửi hoặc đang lặp lại tới {account_name!r}; hãy hủy nó trong Hàng đợi thay vì bỏ chọn tài khoản.</translation>
    </message>
    <message>
        <source>Post {post_id} changed while an account was being taken off it; try again.</source>
        <translation>Bài viết {post_id} bị thay đổi trong lúc đang bỏ một tài khoản khỏi bài; hãy thử lại.</translation>
    </message>
    <message>
        <source>Post {post_id} is already being published or published; its media can no longer change.</source>
        <translation>Bài viết {post_id} đang được đăng hoặc đã đăng; không thể đổi hình ảnh, video của bài nữa.</translation>
    </message>
    <message>
        <source>Post {post_id} changed while its media were being replaced; try again.</source>
        <translation>Bài viết {post_id} bị thay đổi trong lúc đang thay hình ảnh, video; hãy thử lại.</translation>
    </message>
    <message>
        <source>The media file {raw_path!r} does not exist or is not a file.</source>
        <translation>Tệp {raw_path!r} không tồn tại hoặc không phải là tệp.</translation>
    </message>
    <message>
        <source>The media file {source!r} is empty.</source>
        <translation>Tệp {source!r} trống.</translation>
    </message>
    <message>
        <source>The media file {source!r} is larger than 512 MB.</source>
        <translation>Tệp {source!r} lớn hơn 512 MB.</translation>
    </message>
    <message>
        <source>The alt text of {source!r} is longer than {max_alt_text} characters.</source>
        <translation>Văn bản thay thế của {source!r} dài hơn {max_alt_text} ký tự.</translation>
    </message>
    <message>
        <source>The alt text of {name!r}</source>
        <translation>Văn bản thay thế của {name!r}</translation>
    </message>
    <message>
        <source>{source!r} is not a supported image or video (JPEG, PNG, GIF, WebP or MP4).</source>
        <translation>{source!r} không phải hình ảnh hay video được hỗ trợ (JPEG, PNG, GIF, WebP hoặc MP4).</translation>
    </message>
    <message>
        <source>Cannot copy the media file into Communiqué&apos;s folder: {strerror}.</source>
        <translation>Không sao chép được tệp vào thư mục của Communiqué: {strerror}.</translation>
    </message>
    <message>
        <source>Cannot read the media file {name}: {reason}.</source>
        <extracomment>The folder (under the app&apos;s home) holding files read back from the store, named by their hash. The file name extension of each stored type (connectors send the name along with the bytes). The most bytes of one stored piece (``media_blob_chunks``): small enough to hold in memory twice over on a laptop, large enough that a 512 MB video is 128 rows.</extracomment>
        <translation>Không đọc được tệp {name}: {reason}.</translation>
    </message>
    <message>
        <source>The media file {name} changed while it was being attached; attach it again.</source>
        <translation>Tệp {name} bị thay đổi trong lúc đang đính kèm; hãy đính kèm lại.</translation>
    </message>
    <message>
        <source>The file {name} is not on this computer and not in the database: attach it again from the computer that has it.</source>
        <translation>Tệp {name} không có trên máy này và cũng không có trong cơ sở dữ liệu: hãy đính kèm lại từ máy có tệp đó.</translation>
    </message>
    <message>
        <source>The stored copy of {name} is damaged: attach the file again.</source>
        <translation>Bản lưu của {name} bị hỏng: hãy đính kèm lại tệp.</translation>
    </message>
    <message>
        <source>The file {name} is not on this computer: attach it again.</source>
        <extracomment>How long a stored content that no media row or draft names is kept before it goes: a post deleted by mistake and restored from a backup within the week still finds its files. How long a file read back into this machine&apos;s cache stays without being used. Contents deleted per statement (each takes its pieces with it).</extracomment>
        <translation>Tệp {name} không có trên máy này: hãy đính kèm lại.</translation>
    </message>
    <message>
        <source>write or edit posts</source>
        <extracomment>How a refusal names what was asked, in &quot;As an officer you cannot ...&quot;.</extracomment>
        <translation>viết hoặc sửa bài viết</translation>
    </message>
    <message>
        <source>submit posts for approval</source>
        <translation>gửi bài viết để phê duyệt</translation>
    </message>
    <message>
        <source>approve or reject posts</source>
        <translation>phê duyệt hoặc từ chối bài viết</translation>
    </message>
    <message>
        <source>schedule, publish or cancel posts</source>
        <translation>lên lịch, đăng hoặc hủy bài viết</translation>
    </message>
    <message>
        <source>manage accounts, users or groups</source>
        <translation>quản lý tài khoản, người dùng hoặc nhóm</translation>
    </message>
    <message>
        <source>The database login {login!r} is not a Communiqué user; ask an admin to add it with &apos;communique user add&apos;.</source>
        <extracomment>The ids of the accounts whose posts they may see and change; ``None``: every account. True when ``login`` is a team user the database authenticated (not the embedded or bootstrap admin).</extracomment>
        <translation>Tên đăng nhập cơ sở dữ liệu {login!r} không phải người dùng Communiqué; hãy nhờ quản trị viên thêm bằng &apos;communique user add&apos;.</translation>
    </message>
    <message>
        <source>The database login {login!r} is not a Communiqué user; ask an admin to add it.</source>
        <translation>Tên đăng nhập cơ sở dữ liệu {login!r} không phải người dùng Communiqué; hãy nhờ quản trị viên thêm vào.</translation>
    </message>
    <message>
        <source>The Communiqué user {login!r} has been deactivated; ask an admin to reactivate it.</source>
        <translation>Người dùng Communiqué {login!r} đã bị vô hiệu hóa; hãy nhờ quản trị viên kích hoạt lại.</translation>
    </message>
    <message>
        <source>As {role} you cannot {doing}; ask {needed} to do it.</source>
        <translation>Là {role}, bạn không thể {doing}; hãy nhờ {needed} làm việc này.</translation>
    </message>
    <message>
        <source>The account {listed} is not in any of your groups; ask an admin to add you to its group.</source>
        <translation>Tài khoản {listed} không thuộc nhóm nào của bạn; hãy nhờ quản trị viên thêm bạn vào nhóm của tài khoản đó.</translation>
    </message>
    <message>
        <source>an officer</source>
        <extracomment>Each role with its article, as the refusal names it.</extracomment>
        <translation>cán bộ soạn bài</translation>
    </message>
    <message>
        <source>an approver</source>
        <translation>người phê duyệt</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>{what}; look at it again and retry.</source>
        <translation>{what}; hãy xem lại rồi thử lại.</translation>
    </message>
    <message>
        <source>The account {account!r} is named twice.</source>
        <translation>Tài khoản {account!r} được nêu hai lần.</translation>
    </message>
    <message>
        <source>Choose at least one account to post to.</source>
        <translation>Hãy chọn ít nhất một tài khoản để đăng.</translation>
    </message>
    <message>
        <source>Post {post_id} is already being published or published to {names}; create a new post instead.</source>
        <translation>Bài viết {post_id} đang được đăng hoặc đã đăng lên {names}; hãy tạo bài viết mới.</translation>
    </message>
    <message>
        <source>Post {post_id} changed while it was being edited</source>
        <translation>Bài viết {post_id} bị thay đổi trong lúc đang sửa</translation>
    </message>
    <message>
        <source>Variant {variant_id} is {status}; it can no longer be edited.</source>
        <translation>Phiên bản {variant_id} đang ở trạng thái {status}; không thể sửa nữa.</translation>
    </message>
    <message>
        <source>Variant {variant_id} ({account_name}) was changed by someone else meanwhile; compare the two texts and save again.</source>
        <translation>Phiên bản {variant_id} ({account_name}) vừa được người khác sửa; hãy so sánh hai văn bản rồi lưu lại.</translation>
    </message>
    <message>
        <source>Variant {variant_id} changed while it was being edited</source>
        <translation>Phiên bản {variant_id} bị thay đổi trong lúc đang sửa</translation>
    </message>
    <message>
        <source>Choose at least one account to add.</source>
        <translation>Hãy chọn ít nhất một tài khoản để thêm.</translation>
    </message>
    <message>
        <source>Post {post_id} already goes to {account!r}.</source>
        <translation>Bài viết {post_id} đã được gửi tới {account!r}.</translation>
    </message>
    <message>
        <source>Post {post_id} has no variant that can still be scheduled.</source>
        <translation>Bài viết {post_id} không còn phiên bản nào có thể lên lịch.</translation>
    </message>
    <message>
        <source>Post {post_id} changed while it was being scheduled</source>
        <translation>Bài viết {post_id} bị thay đổi trong lúc đang lên lịch</translation>
    </message>
    <message>
        <source>Post {post_id} is being published to {names} right now; wait for the result, then delete it there if needed.</source>
        <translation>Bài viết {post_id} đang được đăng lên {names} ngay lúc này; hãy chờ kết quả, rồi xóa bài ở đó nếu cần.</translation>
    </message>
    <message>
        <source>Post {post_id} has nothing left to cancel.</source>
        <translation>Bài viết {post_id} không còn gì để hủy.</translation>
    </message>
    <message>
        <source>Post {post_id} started publishing while it was being cancelled</source>
        <translation>Bài viết {post_id} bắt đầu được đăng trong lúc đang hủy</translation>
    </message>
    <message>
        <source>The post text is empty; write something to publish.</source>
        <extracomment>Far above every platform&apos;s limit (Facebook: 63,206); guards the store against pasted files.</extracomment>
        <translation>Văn bản bài viết đang trống; hãy viết nội dung để đăng.</translation>
    </message>
    <message>
        <source>The post text shows nothing: it holds only invisible characters (spaces, zero-width or direction marks); write something to publish.</source>
        <translation>Văn bản bài viết không hiển thị gì: chỉ chứa ký tự vô hình (dấu cách, ký tự độ rộng bằng không hoặc dấu chỉ hướng); hãy viết nội dung để đăng.</translation>
    </message>
    <message>
        <source>{local} in {timezone} (account {account!r}) is already past; pick a later time.</source>
        <translation>{local} theo múi giờ {timezone} (tài khoản {account!r}) đã qua; hãy chọn thời điểm muộn hơn.</translation>
    </message>
    <message>
        <source>The team database is the database in use; choose another one to copy into.</source>
        <extracomment>Rows read and written per round trip. The same for media contents (each up to the largest file a platform takes): a few at a time. Reports ``(table, rows done, rows in the table)`` as the copy goes.</extracomment>
        <translation>Cơ sở dữ liệu nhóm chính là cơ sở dữ liệu đang dùng; hãy chọn một cơ sở dữ liệu khác để sao chép vào.</translation>
    </message>
    <message>
        <source>The team database {shown} already holds other posts or accounts ({held} rows); copy into an empty database, so that two desks&apos; histories are never mixed.</source>
        <translation>Cơ sở dữ liệu nhóm {shown} đã chứa bài viết hoặc tài khoản khác ({held} dòng); hãy sao chép vào một cơ sở dữ liệu trống để lịch sử của hai nơi không bao giờ bị trộn lẫn.</translation>
    </message>
    <message>
        <source>The copy did not read back as written ({names}); nothing was kept in the team database.</source>
        <translation>Bản sao đọc lại không khớp với bản đã ghi ({names}); không có gì được giữ lại trong cơ sở dữ liệu nhóm.</translation>
    </message>
    <message>
        <source>Copying into {shown} failed, nothing was kept: {reason}.</source>
        <translation>Sao chép vào {shown} không thành công, không có gì được giữ lại: {reason}.</translation>
    </message>
    <message>
        <source>Unknown role {value!r}: choose one of {names}.</source>
        <translation>Vai trò {value!r} không xác định: hãy chọn một trong {names}.</translation>
    </message>
    <message>
        <source>Users and groups are for a team database; this computer&apos;s own database has one user, you.</source>
        <translation>Người dùng và nhóm chỉ dành cho cơ sở dữ liệu nhóm; cơ sở dữ liệu riêng của máy này chỉ có một người dùng là bạn.</translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation>{what} đang trống.</translation>
    </message>
    <message>
        <source>The {what} is longer than {max_name} characters.</source>
        <translation>{what} dài hơn {max_name} ký tự.</translation>
    </message>
    <message>
        <source>No Communiqué user {login!r}; see &apos;communique user list&apos;.</source>
        <translation>Không có người dùng Communiqué {login!r}; xem &apos;communique user list&apos;.</translation>
    </message>
    <message>
        <source>No group named {name!r}; create it with &apos;communique group add&apos;.</source>
        <translation>Không có nhóm nào tên {name!r}; hãy tạo bằng &apos;communique group add&apos;.</translation>
    </message>
    <message>
        <source>The database has no login {name!r}; its administrator creates it first (createuser --pwprompt).</source>
        <translation>Cơ sở dữ liệu không có tên đăng nhập {name!r}; người quản trị cơ sở dữ liệu cần tạo trước (createuser --pwprompt).</translation>
    </message>
    <message>
        <source>The database role {name!r} cannot log in; give it LOGIN or choose a login role.</source>
        <translation>Vai trò cơ sở dữ liệu {name!r} không đăng nhập được; hãy cấp LOGIN hoặc chọn một vai trò đăng nhập.</translation>
    </message>
    <message>
        <source>{name!r} is already a Communiqué user; change its role with &apos;communique user role&apos;.</source>
        <translation>{name!r} đã là người dùng Communiqué; hãy đổi vai trò bằng &apos;communique user role&apos;.</translation>
    </message>
    <message>
        <source>The first user must be an admin, so that someone can manage the others.</source>
        <translation>Người dùng đầu tiên phải là quản trị viên, để có người quản lý những người khác.</translation>
    </message>
    <message>
        <source>{login!r} is the last active admin; make someone else an admin first.</source>
        <translation>{login!r} là quản trị viên cuối cùng còn hoạt động; hãy cho người khác làm quản trị viên trước.</translation>
    </message>
    <message>
        <source>A group named {clean!r} already exists.</source>
        <translation>Đã có nhóm tên {clean!r}.</translation>
    </message>
    <message>
        <source>Variant {variant_id} is being published to {account_name} right now; wait for the result, then delete it there if needed.</source>
        <translation>Phiên bản {variant_id} đang được đăng lên {account_name} ngay lúc này; hãy chờ kết quả, rồi xóa bài ở đó nếu cần.</translation>
    </message>
    <message>
        <source>Variant {variant_id} ({account_name}) is {status}; there is nothing to cancel.</source>
        <translation>Phiên bản {variant_id} ({account_name}) đang ở trạng thái {status}; không có gì để hủy.</translation>
    </message>
    <message>
        <source>Variant {variant_id} changed while it was being cancelled; look at it again and retry.</source>
        <translation>Phiên bản {variant_id} bị thay đổi trong lúc đang hủy; hãy xem lại rồi thử lại.</translation>
    </message>
    <message>
        <source>{variable} must be 1 or 0 (or true/false, yes/no, on/off), not {text!r}.</source>
        <extracomment>A value the file can hold: what :func:`update` writes.</extracomment>
        <translation>{variable} phải là 1 hoặc 0 (hoặc true/false, yes/no, on/off), không phải {text!r}.</translation>
    </message>
    <message>
        <source>The setting {name} {exc}.</source>
        <translation>Thiết lập {name}: {exc}.</translation>
    </message>
    <message>
        <source>The setting {name} is true or false (or 1/0, yes/no, on/off), not {text!r}.</source>
        <translation>Thiết lập {name} nhận true hoặc false (hoặc 1/0, yes/no, on/off), không phải {text!r}.</translation>
    </message>
    <message>
        <source>The settings file {file} cannot be read ({reason}).</source>
        <extracomment>The known settings, checked.</extracomment>
        <translation>Không đọc được tệp cài đặt {file} ({reason}).</translation>
    </message>
    <message>
        <source> (line {line})</source>
        <translation> (dòng {line})</translation>
    </message>
    <message>
        <source>In the settings file {file}{where}, {name} {exc}; correct it or delete that line.</source>
        <translation>Trong tệp cài đặt {file}{where}, {name}: {exc}; hãy sửa hoặc xóa dòng đó.</translation>
    </message>
    <message>
        <source>{env} {exc}.</source>
        <translation>{env}: {exc}.</translation>
    </message>
    <message>
        <source>There is no setting {name!r}; the settings are {known}.</source>
        <translation>Không có thiết lập {name!r}; các thiết lập là {known}.</translation>
    </message>
    <message>
        <source>must be true or false, not {value}</source>
        <translation>phải là true hoặc false, không phải {value}</translation>
    </message>
    <message>
        <source>must be text in double quotes, not {value}</source>
        <translation>phải là văn bản trong dấu ngoặc kép, không phải {value}</translation>
    </message>
    <message>
        <source>holds characters that are not valid text</source>
        <translation>chứa ký tự không phải văn bản hợp lệ</translation>
    </message>
    <message>
        <source>must be a language code such as en or vi, not {value}</source>
        <translation>phải là mã ngôn ngữ như en hoặc vi, không phải {value}</translation>
    </message>
    <message>
        <source>must be a database URL such as postgresql://press@db.example.org/communique</source>
        <translation>phải là URL cơ sở dữ liệu, ví dụ postgresql://press@db.example.org/communique</translation>
    </message>
    <message>
        <source>cannot be saved with a password in it</source>
        <translation>không thể lưu khi có mật khẩu trong đó</translation>
    </message>
    <message>
        <source>holds a database password</source>
        <translation>chứa mật khẩu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>{where}: keep the password in the PGPASSWORD environment variable or in ~/.pgpass and give the URL without it</source>
        <translation>{where}: hãy để mật khẩu trong biến môi trường PGPASSWORD hoặc trong ~/.pgpass và cho URL không kèm mật khẩu</translation>
    </message>
    <message>
        <source>The settings file {file} is a folder; move it away.</source>
        <extracomment>Every top-level value as TOML gave it.</extracomment>
        <translation>Tệp cài đặt {file} là một thư mục; hãy chuyển nó đi chỗ khác.</translation>
    </message>
    <message>
        <source>The settings file {file} is not UTF-8 text (line {line}); save it as UTF-8 or delete it.</source>
        <translation>Tệp cài đặt {file} không phải văn bản UTF-8 (dòng {line}); hãy lưu lại dưới dạng UTF-8 hoặc xóa tệp.</translation>
    </message>
    <message>
        <source>The settings file {file} holds {key!r} as {value}, which Communiqué cannot rewrite; remove that line or make it plain text, a whole number or true/false.</source>
        <translation>Tệp cài đặt {file} ghi {key!r} là {value}, điều mà Communiqué không ghi lại được; hãy xóa dòng đó hoặc đổi thành văn bản thường, số nguyên hoặc true/false.</translation>
    </message>
    <message>
        <source>Cannot read the database URL {url!r}.</source>
        <translation>Không đọc được URL cơ sở dữ liệu {url!r}.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder!r} for the database: {reason}.</source>
        <translation>Không tạo được thư mục {folder!r} cho cơ sở dữ liệu: {reason}.</translation>
    </message>
    <message>
        <source>No driver for the database URL {url}: {exc}</source>
        <translation>Không có trình điều khiển cho URL cơ sở dữ liệu {url}: {exc}</translation>
    </message>
    <message>
        <source>The database {url} was made by a newer version of Communiqué; update Communiqué to open it.</source>
        <translation>Cơ sở dữ liệu {url} được tạo bởi phiên bản Communiqué mới hơn; hãy cập nhật Communiqué để mở.</translation>
    </message>
    <message>
        <source>Unknown time zone {name!r}: use an IANA name such as Europe/Berlin.</source>
        <extracomment>How far ahead a post may be scheduled: a century (fixtures and long plans use 2099). Past it a typo (year 9999, 2207 for 2027) is far more likely than intent, and the far end of the calendar overflows on conversion to UTC. Names some systems&apos; zone folders hold that are no IANA zone, or depend on the machine: the machine&apos;s own zone, a build default, the &quot;zone not set&quot; marker.</extracomment>
        <translation>Múi giờ {name!r} không xác định: hãy dùng tên IANA, ví dụ Europe/Berlin.</translation>
    </message>
    <message>
        <source>Cannot read the time {text!r}: write it as YYYY-MM-DD HH:MM, e.g. 2027-03-28 09:00.</source>
        <translation>Không đọc được thời điểm {text!r}: hãy viết theo dạng YYYY-MM-DD HH:MM, ví dụ 2027-03-28 09:00.</translation>
    </message>
    <message>
        <source>The time {text!r} carries a UTC offset; give the local time of the account instead.</source>
        <translation>Thời điểm {text!r} có kèm độ lệch UTC; hãy cho giờ địa phương của tài khoản.</translation>
    </message>
    <message>
        <source>Give a local wall-clock time without a UTC offset.</source>
        <translation>Hãy cho giờ địa phương, không kèm độ lệch UTC.</translation>
    </message>
    <message>
        <source>{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks jump forward then. Pick a time outside the change.</source>
        <translation>{local:%Y-%m-%d %H:%M} không tồn tại theo múi giờ {zone_name}: lúc đó đồng hồ nhảy tới trước. Hãy chọn thời điểm ngoài lúc chuyển giờ.</translation>
    </message>
    <message>
        <source>{local:%Y-%m-%d %H:%M} happens twice in {zone_name} (the clocks go back then); choose the earlier or the later one.</source>
        <translation>{local:%Y-%m-%d %H:%M} xảy ra hai lần theo múi giờ {zone_name} (lúc đó đồng hồ lùi lại); hãy chọn lần trước hoặc lần sau.</translation>
    </message>
    <message>
        <source>{local} is more than {years} years ahead; schedule posts before {latest}.</source>
        <translation>{local} cách bây giờ hơn {years} năm; hãy lên lịch bài viết trước {latest}.</translation>
    </message>
    <message>
        <source>{instant:%Y-%m-%d %H:%M} UTC is in the past; pick a time after {current:%Y-%m-%d %H:%M} UTC.</source>
        <translation>{instant:%Y-%m-%d %H:%M} UTC đã qua; hãy chọn thời điểm sau {current:%Y-%m-%d %H:%M} UTC.</translation>
    </message>
    <message>
        <source>No account with id {account_id}.</source>
        <extracomment>Builds the connector bound to one account (credentials from the keyring or environment).</extracomment>
        <translation>Không có tài khoản nào có mã {account_id}.</translation>
    </message>
    <message>
        <source>Cannot read the repetition rule {rule!r}: write an RRULE such as FREQ=WEEKLY;BYDAY=MO.</source>
        <extracomment>Occurrences are created this long before they fall due (and shown as scheduled meanwhile). At most this many occurrences per recurrence per sweep (a long outage cannot flood the store). The shortest time between two occurrences: more often would flood an account (and X refuses repeated text anyway). ``{date}``, ``{time}`` or ``{date:%d.%m.%Y}`` in a template, filled per occurrence.</extracomment>
        <translation>Không đọc được quy tắc lặp lại {rule!r}: hãy viết một RRULE, ví dụ FREQ=WEEKLY;BYDAY=MO.</translation>
    </message>
    <message>
        <source>The repetition rule {rule!r} must be a single RRULE.</source>
        <translation>Quy tắc lặp lại {rule!r} phải là một RRULE duy nhất.</translation>
    </message>
    <message>
        <source>The repetition rule {rule!r} repeats every {unit}; a post can repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY).</source>
        <translation>Quy tắc lặp lại {rule!r} lặp lại mỗi {unit}; một bài viết chỉ được lặp lại nhiều nhất mỗi giờ (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY hoặc YEARLY).</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>phút</translation>
    </message>
    <message>
        <source>second</source>
        <translation>giây</translation>
    </message>
    <message>
        <source>The repetition rule {rule!r} repeats more often than once an hour ({earlier:%Y-%m-%d %H:%M} and {later:%H:%M}); a post can repeat at most hourly.</source>
        <translation>Quy tắc lặp lại {rule!r} lặp lại nhiều hơn một lần mỗi giờ ({earlier:%Y-%m-%d %H:%M} và {later:%H:%M}); một bài viết chỉ được lặp lại nhiều nhất mỗi giờ.</translation>
    </message>
    <message>
        <source>Variant {variant_id} is {status}; only an open variant can repeat.</source>
        <translation>Phiên bản {variant_id} đang ở trạng thái {status}; chỉ phiên bản chưa đăng mới lặp lại được.</translation>
    </message>
    <message>
        <source>The rule {rule!r} has no occurrence after now.</source>
        <translation>Quy tắc {rule!r} không còn lần nào sau thời điểm này.</translation>
    </message>
    <message>
        <source>Variant {variant_id} is being published right now; wait for the result.</source>
        <translation>Phiên bản {variant_id} đang được đăng ngay lúc này; hãy chờ kết quả.</translation>
    </message>
    <message>
        <source>Variant {variant_id} is {status}; it cannot be published again.</source>
        <translation>Phiên bản {variant_id} đang ở trạng thái {status}; không thể đăng lại.</translation>
    </message>
    <message>
        <source>Variant {variant_id} changed meanwhile; try again.</source>
        <translation>Phiên bản {variant_id} vừa bị thay đổi; hãy thử lại.</translation>
    </message>
    <message>
        <source>No recurrence with id {recurrence_id}.</source>
        <translation>Không có lịch lặp lại nào có mã {recurrence_id}.</translation>
    </message>
    <message>
        <source>Recurrence {recurrence_id} is already stopped.</source>
        <translation>Lịch lặp lại {recurrence_id} đã dừng rồi.</translation>
    </message>
    <message>
        <source>Unknown weekday {text!r}: use mon, tue, wed, thu, fri, sat, sun or daily.</source>
        <extracomment>Statuses that occupy a slot.</extracomment>
        <translation>Ngày trong tuần {text!r} không xác định: hãy dùng mon, tue, wed, thu, fri, sat, sun hoặc daily.</translation>
    </message>
    <message>
        <source>Cannot read the slot time {local_time!r}: write it as HH:MM, e.g. 09:30.</source>
        <translation>Không đọc được giờ của khung giờ {local_time!r}: hãy viết theo dạng HH:MM, ví dụ 09:30.</translation>
    </message>
    <message>
        <source>The weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation>Ngày trong tuần phải từ 0 (thứ Hai) đến 6 (Chủ nhật).</translation>
    </message>
    <message>
        <source>{account!r} already has a slot at {time}.</source>
        <translation>{account!r} đã có khung giờ lúc {time}.</translation>
    </message>
    <message>
        <source>No posting slot with id {slot_id}.</source>
        <translation>Không có khung giờ đăng nào có mã {slot_id}.</translation>
    </message>
    <message>
        <source>Monday</source>
        <extracomment>How far ahead a slot at a better hour is preferred to the next free one.</extracomment>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <source>This account has no posting slots yet; add one with &apos;communique slot add&apos;.</source>
        <translation>Tài khoản này chưa có khung giờ đăng nào; hãy thêm bằng &apos;communique slot add&apos;.</translation>
    </message>
    <message>
        <source>This account has no posting slots yet; pick a time yourself.</source>
        <translation>Tài khoản này chưa có khung giờ đăng nào; hãy tự chọn thời điểm.</translation>
    </message>
    <message>
        <source>No posting slot exists in the coming year.</source>
        <translation>Không có khung giờ đăng nào trong năm tới.</translation>
    </message>
    <message>
        <source>Every posting slot of the coming year is taken.</source>
        <translation>Mọi khung giờ đăng trong năm tới đều đã có bài.</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>1 bài viết</translation>
    </message>
    <message>
        <source>{count} posts</source>
        <translation>{count} bài viết</translation>
    </message>
    <message>
        <source>The next free slot (not enough history for advice: {posts}).</source>
        <translation>Khung giờ trống tiếp theo (chưa đủ lịch sử để gợi ý: {posts}).</translation>
    </message>
    <message>
        <source>The next free slot (none this week is at an hour with history among {posts}).</source>
        <translation>Khung giờ trống tiếp theo (tuần này không khung giờ nào rơi vào giờ có lịch sử trong số {posts}).</translation>
    </message>
    <message>
        <source>{day} {local:%H:%M}: the account&apos;s best free hour this week, from {posts} of history.</source>
        <translation>{day} {local:%H:%M}: giờ trống tốt nhất của tài khoản trong tuần này, dựa trên lịch sử của {posts}.</translation>
    </message>
    <message>
        <source>Variant {variant_id} changed or can no longer be scheduled; try again.</source>
        <translation>Phiên bản {variant_id} đã thay đổi hoặc không thể lên lịch nữa; hãy thử lại.</translation>
    </message>
    <message>
        <source>{label} is refused: the entry {name!r} points outside the pack folder.</source>
        <extracomment>The largest ``metadata.json`` taken (Argos&apos;s own are under 2 KB); read before every listing, so a huge one would slow every command.</extracomment>
        <translation>{label} bị từ chối: mục {name!r} trỏ ra ngoài thư mục của gói.</translation>
    </message>
    <message>
        <source>{label} is refused: it holds {length} files, more than a language pack has.</source>
        <translation>{label} bị từ chối: có {length} tệp, nhiều hơn số tệp của một gói ngôn ngữ.</translation>
    </message>
    <message>
        <source>{label} is refused: the entry {filename!r} is a link or a special file.</source>
        <translation>{label} bị từ chối: mục {filename!r} là liên kết hoặc tệp đặc biệt.</translation>
    </message>
    <message>
        <source>{label} is refused: the entry {filename!r} is encrypted.</source>
        <translation>{label} bị từ chối: mục {filename!r} bị mã hóa.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: files must sit inside one folder.</source>
        <translation>{label} không phải gói ngôn ngữ: các tệp phải nằm trong một thư mục.</translation>
    </message>
    <message>
        <source>{label} is refused: its metadata.json is {file_size:,} bytes, more than the {most} KB a pack&apos;s description needs.</source>
        <translation>{label} bị từ chối: metadata.json của nó dài {file_size:,} byte, nhiều hơn {most} KB mà phần mô tả của một gói cần.</translation>
    </message>
    <message>
        <source>{label} is refused: the entry {filename!r} unpacks to an absurd size.</source>
        <translation>{label} bị từ chối: mục {filename!r} giải nén ra kích thước vô lý.</translation>
    </message>
    <message>
        <source>{label} is refused: it unpacks to more than {most} GiB.</source>
        <translation>{label} bị từ chối: giải nén ra hơn {most} GiB.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it must hold exactly one folder.</source>
        <translation>{label} không phải gói ngôn ngữ: gói phải chứa đúng một thư mục.</translation>
    </message>
    <message>
        <source>{label} cannot be unpacked: {reason}.</source>
        <extracomment>What reading a damaged archive raises (a bad CRC, a truncated or garbled deflate stream...).</extracomment>
        <translation>Không giải nén được {label}: {reason}.</translation>
    </message>
    <message>
        <source>{label} is damaged ({reason}): download it again.</source>
        <translation>{label} bị hỏng ({reason}): hãy tải lại.</translation>
    </message>
    <message>
        <source>{label} is damaged: the entry {filename!r} is larger than its header says; download it again.</source>
        <translation>{label} bị hỏng: mục {filename!r} lớn hơn kích thước ghi ở phần đầu; hãy tải lại.</translation>
    </message>
    <message>
        <source>No language pack from {from_code} to {to_code} is installed.</source>
        <extracomment>Loaded translations, kept warm: (from, to) -&gt; ((path, version, fingerprint), PackageTranslation). The pack listing pinned by :meth:`ArgosEngine.snapshot` for this thread&apos;s current translation.</extracomment>
        <translation>Chưa cài gói ngôn ngữ nào từ {from_code} sang {to_code}.</translation>
    </message>
    <message>
        <source>The language pack {from_code} -&gt; {to_code} changed during this translation; translate again.</source>
        <translation>Gói ngôn ngữ {from_code} -&gt; {to_code} đã thay đổi trong lúc dịch; hãy dịch lại.</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one with &apos;communique lang install FILE&apos;.</source>
        <extracomment>Comments read, detected or written per statement (well under every database&apos;s parameter limit). Comments planned and sent through the engine together: large enough that each language pair is one engine call for a whole collection, small enough to bound the memory a backlog takes. One sentence for the reader: which pack to install, and where (a :class:`~core.words.Msg`). Comments whose translation was stored (new or redone). Of those, comments every segment of which came from the translation memory. Distinct prose segments sent to the engine (not in memory); a pivoted one goes through two legs. A sentence each for packs that are installed but could not translate (damaged, replaced).</extracomment>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói bằng &apos;communique lang install FILE&apos;.</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one on the Language packs screen.</source>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói ở màn hình Gói ngôn ngữ.</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one with &apos;communique lang install FILE&apos; ({source} -&gt; {target}, or {leg} to go through {pivot_name}).</source>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói bằng &apos;communique lang install FILE&apos; ({source} -&gt; {target}, hoặc {leg} để dịch qua {pivot_name}).</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one on the Language packs screen ({source} -&gt; {target}, or {leg} to go through {pivot_name}).</source>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói ở màn hình Gói ngôn ngữ ({source} -&gt; {target}, hoặc {leg} để dịch qua {pivot_name}).</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one with &apos;communique lang install FILE&apos; ({source} -&gt; {target}, or {source} -&gt; {pivot} and {pivot} -&gt; {target}).</source>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói bằng &apos;communique lang install FILE&apos; ({source} -&gt; {target}, hoặc {source} -&gt; {pivot} và {pivot} -&gt; {target}).</translation>
    </message>
    <message>
        <source>No language pack for {source} -&gt; {target} ({source_name} into {target_name}): install one on the Language packs screen ({source} -&gt; {target}, or {source} -&gt; {pivot} and {pivot} -&gt; {target}).</source>
        <translation>Không có gói ngôn ngữ cho {source} -&gt; {target} ({source_name} sang {target_name}): hãy cài một gói ở màn hình Gói ngôn ngữ ({source} -&gt; {target}, hoặc {source} -&gt; {pivot} và {pivot} -&gt; {target}).</translation>
    </message>
    <message>
        <source>Comments in {language} ({count}) were not translated: {reason}</source>
        <translation>Bình luận bằng {language} ({count}) chưa được dịch: {reason}</translation>
    </message>
    <message>
        <source>A glossary term cannot be empty.</source>
        <extracomment>The ``entity`` of the glossary&apos;s audit events. ``None``: keep the term as written; otherwise its forced translation.</extracomment>
        <translation>Thuật ngữ không được để trống.</translation>
    </message>
    <message>
        <source>A glossary term must be one line of at most {max_term_length} characters.</source>
        <translation>Thuật ngữ phải nằm trên một dòng và dài tối đa {max_term_length} ký tự.</translation>
    </message>
    <message>
        <source>A forced translation cannot be empty: leave it out to keep the term as written.</source>
        <translation>Bản dịch bắt buộc không được để trống: hãy bỏ trống trường này để giữ nguyên thuật ngữ như đã viết.</translation>
    </message>
    <message>
        <source>A forced translation needs one target language, not &apos;*&apos;.</source>
        <translation>Bản dịch bắt buộc cần một ngôn ngữ đích, không phải &apos;*&apos;.</translation>
    </message>
    <message>
        <source>The glossary already has {cleaned!r} for {source} -&gt; {target}.</source>
        <translation>Bảng thuật ngữ đã có {cleaned!r} cho {source} -&gt; {target}.</translation>
    </message>
    <message>
        <source>There is no glossary entry number {term_id}.</source>
        <translation>Không có mục thuật ngữ số {term_id}.</translation>
    </message>
    <message>
        <source>The glossary already has {term!r} for this pair.</source>
        <translation>Bảng thuật ngữ đã có {term!r} cho cặp ngôn ngữ này.</translation>
    </message>
    <message>
        <source>{what} must be a number of seconds above zero, such as 5.</source>
        <extracomment>Override with the full URL of an ``index.json`` (a mirror, or a local test server). The longest a whole download may take (the largest packs are a few hundred MB). Progress: bytes received so far and the total when the server announced it.</extracomment>
        <translation>{what} phải là số giây lớn hơn 0, ví dụ 5.</translation>
    </message>
    <message>
        <source>{url!r} is not a valid web address.</source>
        <translation>{url!r} không phải địa chỉ web hợp lệ.</translation>
    </message>
    <message>
        <source>Refusing to fetch {url!r}: only http and https addresses are allowed.</source>
        <translation>Từ chối tải {url!r}: chỉ cho phép địa chỉ http và https.</translation>
    </message>
    <message>
        <source>Cannot reach the language pack index at {host} ({reason}); you may be offline: install a .argosmodel file with &apos;communique lang install FILE&apos; instead.</source>
        <translation>Không kết nối được tới danh mục gói ngôn ngữ tại {host} ({reason}); có thể bạn đang ngoại tuyến: hãy cài tệp .argosmodel bằng &apos;communique lang install FILE&apos;.</translation>
    </message>
    <message>
        <source>Cannot reach the language pack index at {host} ({reason}); you may be offline: install a .argosmodel file with “Install from file…” instead.</source>
        <translation>Không kết nối được tới danh mục gói ngôn ngữ tại {host} ({reason}); có thể bạn đang ngoại tuyến: hãy cài tệp .argosmodel bằng “Cài từ tệp…”.</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was installed.</source>
        <translation>Đã hủy tải về; không có gì được cài.</translation>
    </message>
    <message>
        <source>The transfer took longer than its time limit and was stopped.</source>
        <translation>Việc truyền tải lâu hơn thời hạn cho phép và đã bị dừng.</translation>
    </message>
    <message>
        <source>The language pack index at {url} did not arrive within {timeout:g} s.</source>
        <translation>Danh mục gói ngôn ngữ tại {url} không về trong vòng {timeout:g} giây.</translation>
    </message>
    <message>
        <source>The language pack index at {url} is too large to be an index.</source>
        <translation>Danh mục gói ngôn ngữ tại {url} quá lớn để là một danh mục.</translation>
    </message>
    <message>
        <source>The language pack index at {url} is not valid JSON.</source>
        <translation>Danh mục gói ngôn ngữ tại {url} không phải JSON hợp lệ.</translation>
    </message>
    <message>
        <source>The language pack index at {url} is not a list of packs.</source>
        <translation>Danh mục gói ngôn ngữ tại {url} không phải danh sách các gói.</translation>
    </message>
    <message>
        <source>The download from {host} stopped: nothing arrived for {timeout:g} s after it began; nothing was installed.</source>
        <translation>Việc tải về từ {host} đã dừng: không nhận được gì trong {timeout:g} giây sau khi bắt đầu; không có gì được cài.</translation>
    </message>
    <message>
        <source>The download from {url} is larger than any language pack; it was stopped.</source>
        <translation>Tệp tải về từ {url} lớn hơn mọi gói ngôn ngữ; việc tải đã bị dừng.</translation>
    </message>
    <message>
        <source>The index lists no download address for this pack.</source>
        <translation>Danh mục không ghi địa chỉ tải về cho gói này.</translation>
    </message>
    <message>
        <source>The download took longer than {max_seconds:g} s and was stopped; nothing was installed.</source>
        <translation>Việc tải về lâu hơn {max_seconds:g} giây và đã bị dừng; không có gì được cài.</translation>
    </message>
    <message>
        <source>The index has no pack from {source} to {target}.</source>
        <translation>Danh mục không có gói từ {source} sang {target}.</translation>
    </message>
    <message>
        <source>A corrected translation and its source text cannot be empty.</source>
        <extracomment>Engine and model version of human entries: they apply to every engine.</extracomment>
        <translation>Bản dịch đã sửa và văn bản nguồn của nó không được để trống.</translation>
    </message>
    <message>
        <source>its metadata.json is larger than {most} KB</source>
        <extracomment>Written into each installed pack: where it came from and a fingerprint of the archive. Marks a staging folder holding the only copy of a pack after a failed rollback: never deleted. The packs folder, its modification time and its stamp when a listing was read. Staging folders this process is using right now (never cleaned as stale). The last listing, under the key it was read with (see :func:`list_packs`). True when the pack carries its own MiniSBD sentence splitter (``minisbd/&lt;lang&gt;.onnx``). The first 12 hex digits of the archive&apos;s SHA-256 (&quot;&quot; for a folder copied by hand).</extracomment>
        <translation>metadata.json của gói lớn hơn {most} KB</translation>
    </message>
    <message>
        <source>its metadata.json is nested too deeply</source>
        <translation>metadata.json của gói lồng nhau quá sâu</translation>
    </message>
    <message>
        <source>its metadata.json is not valid JSON</source>
        <translation>metadata.json của gói không phải JSON hợp lệ</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it has no metadata.json.</source>
        <extracomment>Argos&apos;s metadata is two levels deep; anything past this is not a pack&apos;s description.</extracomment>
        <translation>{label} không phải gói ngôn ngữ: không có metadata.json.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: its metadata.json cannot be read.</source>
        <translation>{label} không phải gói ngôn ngữ: không đọc được metadata.json.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: {reason}.</source>
        <translation>{label} không phải gói ngôn ngữ: {reason}.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: its metadata.json is not an object.</source>
        <translation>{label} không phải gói ngôn ngữ: metadata.json không phải một đối tượng.</translation>
    </message>
    <message>
        <source>{label} is a {kind!r} package, not a translation pack.</source>
        <translation>{label} là gói loại {kind!r}, không phải gói dịch.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: metadata.json has no valid {key}.</source>
        <translation>{label} không phải gói ngôn ngữ: metadata.json không có {key} hợp lệ.</translation>
    </message>
    <message>
        <source>{label} is for the language code {value!r}, which Communiqué does not know.</source>
        <translation>{label} dành cho mã ngôn ngữ {value!r}, mã mà Communiqué không biết.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it translates {from_code} into itself.</source>
        <translation>{label} không phải gói ngôn ngữ: gói dịch {from_code} sang chính nó.</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it has no tokenizer (sentencepiece.model).</source>
        <translation>{label} không phải gói ngôn ngữ: không có bộ tách từ (sentencepiece.model).</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it has no model/model.bin.</source>
        <translation>{label} không phải gói ngôn ngữ: không có model/model.bin.</translation>
    </message>
    <message>
        <source>{label} is damaged: its tokenizer cannot be read.</source>
        <translation>{label} bị hỏng: không đọc được bộ tách từ.</translation>
    </message>
    <message>
        <source>{label} is damaged or made for a newer engine: its translation model cannot be loaded.</source>
        <translation>{label} bị hỏng hoặc dành cho bộ dịch mới hơn: không nạp được mô hình dịch.</translation>
    </message>
    <message>
        <source>{label} is damaged or made for a newer engine: its sentence splitter {splitter} cannot be loaded.</source>
        <translation>{label} bị hỏng hoặc dành cho bộ dịch mới hơn: không nạp được bộ tách câu {splitter}.</translation>
    </message>
    <message>
        <source>{label} could not be put in place ({reason}) and the pack it replaced could not be moved back: it is in {aside!r}.</source>
        <translation>Không đặt được {label} vào chỗ ({reason}) và không chuyển lại được gói cũ mà nó thay thế: gói cũ nằm ở {aside!r}.</translation>
    </message>
    <message>
        <source>{label} could not be put in place ({reason}); the packs installed before are unchanged.</source>
        <translation>Không đặt được {label} vào chỗ ({reason}); các gói đã cài trước đó không thay đổi.</translation>
    </message>
    <message>
        <source>The file {name!r}</source>
        <translation>Tệp {name!r}</translation>
    </message>
    <message>
        <source>The language pack file {path!r} does not exist.</source>
        <translation>Tệp gói ngôn ngữ {path!r} không tồn tại.</translation>
    </message>
    <message>
        <source>{path!r} is a folder, not a language pack file (.argosmodel).</source>
        <translation>{path!r} là một thư mục, không phải tệp gói ngôn ngữ (.argosmodel).</translation>
    </message>
    <message>
        <source>{path!r} is not a regular file, so it cannot be a language pack file (.argosmodel).</source>
        <translation>{path!r} không phải tệp thông thường, nên không thể là tệp gói ngôn ngữ (.argosmodel).</translation>
    </message>
    <message>
        <source>{label} is not a language pack: it is not a zip archive.</source>
        <translation>{label} không phải gói ngôn ngữ: không phải tệp nén zip.</translation>
    </message>
    <message>
        <source>{label} is a pack from {source} to {target}, not the {wanted_source} -&gt; {wanted_target} pack asked for; nothing was installed.</source>
        <translation>{label} là gói từ {source} sang {target}, không phải gói {wanted_source} -&gt; {wanted_target} đã yêu cầu; không có gì được cài.</translation>
    </message>
    <message>
        <source>The language pack {from_code} -&gt; {to_code} cannot be removed: {reason}.</source>
        <translation>Không gỡ được gói ngôn ngữ {from_code} -&gt; {to_code}: {reason}.</translation>
    </message>
    <message>
        <source>, directly or through {pivot}</source>
        <extracomment>The languages the text went through, e.g. ``(&quot;vi&quot;, &quot;en&quot;, &quot;ja&quot;)``. ``machine``, ``memory`` (every segment reused), ``human`` (a person&apos;s correction) or ``identity``. The post variant this translation was stored in (``None`` outside the review workflow).</extracomment>
        <translation>, trực tiếp hoặc qua {pivot}</translation>
    </message>
    <message>
        <source>No language pack translates {source_name} ({source}) into {target_name} ({target}){via}: install one with &apos;communique lang install FILE&apos;.</source>
        <translation>Không có gói ngôn ngữ nào dịch {source_name} ({source}) sang {target_name} ({target}){via}: hãy cài một gói bằng &apos;communique lang install FILE&apos;.</translation>
    </message>
    <message>
        <source>No language pack translates {source_name} ({source}) into {target_name} ({target}){via}: install one on the Language packs screen.</source>
        <translation>Không có gói ngôn ngữ nào dịch {source_name} ({source}) sang {target_name} ({target}){via}: hãy cài một gói ở màn hình Gói ngôn ngữ.</translation>
    </message>
    <message>
        <source>There is no text to translate.</source>
        <translation>Không có văn bản nào để dịch.</translation>
    </message>
    <message>
        <source>The text is {length} characters long; translate at most {max_text_length} at once.</source>
        <translation>Văn bản dài {length} ký tự; mỗi lần chỉ dịch tối đa {max_text_length} ký tự.</translation>
    </message>
    <message>
        <source>Name at least one language to translate into.</source>
        <translation>Hãy nêu ít nhất một ngôn ngữ để dịch sang.</translation>
    </message>
    <message>
        <source>Corrections need a database to be remembered in.</source>
        <translation>Cần có cơ sở dữ liệu để ghi nhớ các chỉnh sửa.</translation>
    </message>
    <message>
        <source>The Facebook account {name!r} has no Page token: store one with &apos;communique account set-secret NAME page_token&apos;.</source>
        <extracomment>The one Graph API version every call uses (v25.0 is supported until July 2028). Post insights that still exist (the post_impressions* family was removed in 2025). The fields of a comment read for the Feedback screen (``parent``: the comment it answers, in ``filter=stream``). Pages of comments read per post and poll at most: a fetch cut short here is not complete (deletes nothing). Where a refusal holds: (API root, Graph version, Page id). Graph refuses a metric for one Page too (a Page not eligible for insights), so a refusal must not stop that metric for other Pages. Insights metrics Graph refused, per :data:`_MetricsKey`, for the life of the process: a refused metric is not asked for again, so it costs its extra calls once per Page rather than every poll. How long a Page whose insights Graph refused as a whole is not asked for them again (the person may grant read_insights, or the Page pass 100 likes, meanwhile). Per :data:`_MetricsKey`: why Graph refused all of that Page&apos;s insights, and until when not to ask. The sentence a snapshot carries when a Page&apos;s insights are refused as a whole, by refusal kind.</extracomment>
        <translation>Tài khoản Facebook {name!r} chưa có mã Trang: hãy lưu một mã bằng &apos;communique account set-secret NAME page_token&apos;.</translation>
    </message>
    <message>
        <source>The Facebook account {name!r} has no Page token: add it with Edit… on the Accounts screen.</source>
        <translation>Tài khoản Facebook {name!r} chưa có mã Trang: hãy thêm bằng nút Sửa… ở màn hình Tài khoản.</translation>
    </message>
    <message>
        <source>The Facebook account {name!r} has no Page id.</source>
        <translation>Tài khoản Facebook {name!r} chưa có mã định danh Trang.</translation>
    </message>
    <message>
        <source>Cannot read the image {name}: {strerror}.</source>
        <translation>Không đọc được hình ảnh {name}: {strerror}.</translation>
    </message>
    <message>
        <source>The token stored for the Facebook account {name!r} belongs to {owner!r} (id {owner_id}), not to the Page {page_id}: store this Page&apos;s own Page token with communique account set-secret &quot;{name}&quot; page_token.</source>
        <translation>Mã lưu cho tài khoản Facebook {name!r} thuộc về {owner!r} (mã {owner_id}), không phải Trang {page_id}: hãy lưu mã riêng của Trang này bằng communique account set-secret &quot;{name}&quot; page_token.</translation>
    </message>
    <message>
        <source>The token stored for the Facebook account {name!r} belongs to {owner!r} (id {owner_id}), not to the Page {page_id}: store this Page&apos;s own Page token with Edit… on the Accounts screen.</source>
        <translation>Mã lưu cho tài khoản Facebook {name!r} thuộc về {owner!r} (mã {owner_id}), không phải Trang {page_id}: hãy lưu mã riêng của Trang này bằng nút Sửa… ở màn hình Tài khoản.</translation>
    </message>
    <message>
        <source>The {platform} connector cannot check a text without an account, and states no length limit.</source>
        <translation>Trình kết nối {platform} không kiểm tra được văn bản khi không có tài khoản, và không nêu giới hạn độ dài.</translation>
    </message>
    <message>
        <source>The post is empty: give a text, a link or an image.</source>
        <translation>Bài viết đang trống: hãy thêm văn bản, đường liên kết hoặc hình ảnh.</translation>
    </message>
    <message>
        <source>X takes at most {most} images; this post has {count}.</source>
        <extracomment>Media accepted per platform: MIME type -&gt; largest size in bytes. X&apos;s kinds of media that go through the chunked upload and processing, and take a post alone. X&apos;s ``media_category`` for each kind.</extracomment>
        <translation>X nhận tối đa {most} hình ảnh; bài này có {count}.</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>X takes up to {most} photos, or 1 GIF, or 1 video in a post; this post mixes a {kind} with {others} other file(s): keep the {kind} alone, or post the rest separately.</source>
        <translation>Mỗi bài trên X nhận tối đa {most} ảnh, hoặc 1 GIF, hoặc 1 video; bài này trộn một {kind} với {others} tệp khác: hãy để {kind} một mình, hoặc đăng phần còn lại riêng.</translation>
    </message>
    <message>
        <source>{platform} takes at most {most} images; this post has {count}.</source>
        <extracomment>A word with the whitespace after it; CJK text, written without spaces, breaks after 。！？ too.</extracomment>
        <translation>{platform} nhận tối đa {most} hình ảnh; bài này có {count}.</translation>
    </message>
    <message>
        <source>{platform} does not take {type} files ({name}); use {kinds}.</source>
        <translation>{platform} không nhận tệp {type} ({name}); hãy dùng {kinds}.</translation>
    </message>
    <message>
        <source>{name} is {size:.1f} MB; {platform} takes at most {largest:.0f} MB for {type}.</source>
        <translation>{name} nặng {size:.1f} MB; {platform} nhận tối đa {largest:.0f} MB cho {type}.</translation>
    </message>
    <message>
        <source>The alt text of {name} is longer than {most} characters.</source>
        <translation>Văn bản thay thế của {name} dài hơn {most} ký tự.</translation>
    </message>
    <message>
        <source>The text is {length} weighted characters; X allows {limit} (shorten it, or publish it as a thread).</source>
        <translation>Văn bản dài {length} ký tự theo cách đếm của X; X cho phép {limit} (hãy rút ngắn, hoặc đăng thành chuỗi bài).</translation>
    </message>
    <message>
        <source>The text contains characters X does not accept.</source>
        <translation>Văn bản chứa ký tự mà X không nhận.</translation>
    </message>
    <message>
        <source>Part {listed} of the thread contains characters X does not accept.</source>
        <translation>Phần {listed} của chuỗi bài chứa ký tự mà X không nhận.</translation>
    </message>
    <message>
        <source>The text is {length} characters; Facebook allows {limit}.</source>
        <translation>Văn bản dài {length} ký tự; Facebook cho phép {limit}.</translation>
    </message>
    <message>
        <source>The practice emulator answers for {known} only, not {platform}.</source>
        <extracomment>The platforms the emulator answers for: only these can have practice accounts. A few languages and time zones, so that translation and local-time scheduling show at once. ``None`` in practice mode (every account goes to the emulator there). Practice tokens to store (none in practice mode: they are supplied there).</extracomment>
        <translation>Trình mô phỏng luyện tập chỉ hỗ trợ {known}, không hỗ trợ {platform}.</translation>
    </message>
    <message>
        <source>The practice workspace lives in practice mode (its own database, every account on the local emulator); turn practice mode on first.</source>
        <translation>Không gian luyện tập chỉ có trong chế độ luyện tập (cơ sở dữ liệu riêng, mọi tài khoản trên trình mô phỏng trên máy này); hãy bật chế độ luyện tập trước.</translation>
    </message>
    <message>
        <source>No Unicode font for the PDF report is installed; install Noto Sans or DejaVu Sans (the fonts-noto-core or fonts-dejavu-core package on Debian) and try again.</source>
        <extracomment>Where Linux distributions install fonts; the first folders win.</extracomment>
        <translation>Chưa cài phông chữ Unicode nào cho báo cáo PDF; hãy cài Noto Sans hoặc DejaVu Sans (gói fonts-noto-core hoặc fonts-dejavu-core trên Debian) rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>AccountChecklist</name>
    <message>
        <source>{0}
{1} · {2} · {3}</source>
        <extracomment>Where an item keeps its account&apos;s id. Emitted when the person ticks or unticks an account (not when the list is filled).</extracomment>
        <translation>{0}
{1} · {2} · {3}</translation>
    </message>
    <message>
        <source>Posts to {0} on {1}, in {2}, at times in {3}</source>
        <translation>Đăng lên {0} trên {1}, bằng {2}, theo giờ {3}</translation>
    </message>
</context>
<context>
    <name>AccountEditForm</name>
    <message>
        <source>Edit account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} trên {1}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Múi giờ</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Tên định danh</translation>
    </message>
    <message>
        <source>Grace window (minutes)</source>
        <translation>Thời gian gia hạn (phút)</translation>
    </message>
    <message>
        <source>How late a post may still go out after its time, if the app was closed or offline.</source>
        <translation>Bài viết vẫn có thể được đăng muộn đến mức nào sau giờ đã hẹn, nếu ứng dụng bị đóng hoặc mất kết nối.</translation>
    </message>
    <message>
        <source>A new time zone does not move posts already scheduled: they go out at the same moment, and their times read in the new zone. A new language applies to posts created from now.</source>
        <translation>Múi giờ mới không dời các bài đã lên lịch: chúng vẫn được đăng vào cùng thời điểm, và giờ của chúng được hiển thị theo múi giờ mới. Ngôn ngữ mới áp dụng cho các bài tạo từ bây giờ.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Requires approval</source>
        <translation>Cần phê duyệt</translation>
    </message>
    <message>
        <source>Nothing is scheduled to this account before an approver approves it (an admin&apos;s choice).</source>
        <translation>Không bài nào được lên lịch cho tài khoản này khi chưa được người phê duyệt phê duyệt (do quản trị viên thiết lập).</translation>
    </message>
    <message>
        <source>Post links on X</source>
        <translation>Đăng đường liên kết lên X</translation>
    </message>
    <message>
        <source>X charges several times more for a post with a link. Unticked, each link is taken out of the text this account sends to X.</source>
        <translation>X tính phí cao gấp nhiều lần cho bài có đường liên kết. Nếu bỏ chọn, mọi đường liên kết sẽ bị bỏ khỏi văn bản tài khoản này gửi lên X.</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Add an account</source>
        <extracomment>The language offered first in a new form.</extracomment>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Nền tảng</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Múi giờ</translation>
    </message>
    <message>
        <source>empty: the platform itself</source>
        <translation>để trống: chính nền tảng đó</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Địa chỉ API</translation>
    </message>
    <message>
        <source>Fill in as a practice account</source>
        <translation>Điền sẵn như một tài khoản luyện tập</translation>
    </message>
    <message>
        <source>An account on the built-in platform emulator (Facebook and X only): nothing is published.</source>
        <translation>Một tài khoản trên trình mô phỏng nền tảng có sẵn (chỉ Facebook và X): không có gì được đăng thật.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>{0} (required)</source>
        <translation>{0} (bắt buộc)</translation>
    </message>
    <message>
        <source>{0} (optional)</source>
        <translation>{0} (không bắt buộc)</translation>
    </message>
    <message>
        <source>Credentials (kept in the system keyring)</source>
        <translation>Thông tin xác thực (lưu trong kho khóa của hệ thống)</translation>
    </message>
    <message>
        <source>or set {0}</source>
        <translation>hoặc đặt {0}</translation>
    </message>
    <message>
        <source>Practice mode: every account talks to the built-in emulator with practice tokens, so no credentials are needed. Nothing is published.</source>
        <translation>Chế độ luyện tập: mọi tài khoản làm việc với trình mô phỏng có sẵn bằng mã luyện tập, nên không cần thông tin xác thực. Không có gì được đăng thật.</translation>
    </message>
    <message>
        <source>This account posts to the platform emulator at {0}, with practice tokens; nothing is published. The emulator must be running there: start it with &apos;communique sandbox serve&apos;.</source>
        <translation>Tài khoản này đăng lên trình mô phỏng nền tảng tại {0}, bằng mã luyện tập; không có gì được đăng thật. Trình mô phỏng phải đang chạy ở đó: khởi động bằng &apos;communique sandbox serve&apos;.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Posts go to {0}</source>
        <translation>Bài viết được gửi tới {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Nền tảng</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Múi giờ</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Tên định danh</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Phê duyệt</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <source>Add practice account…</source>
        <translation>Thêm tài khoản luyện tập…</translation>
    </message>
    <message>
        <source>An account on the built-in platform emulator: practise without publishing anything.</source>
        <translation>Một tài khoản trên trình mô phỏng nền tảng có sẵn: luyện tập mà không đăng gì thật.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Change the account&apos;s language, time zone, handle or grace window.</source>
        <translation>Đổi ngôn ngữ, múi giờ, tên định danh hoặc thời gian gia hạn của tài khoản.</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Ask the platform whose credentials this account holds.</source>
        <translation>Hỏi nền tảng xem thông tin xác thực của tài khoản này thuộc về ai.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Practice mode: every account here talks to the built-in emulator with practice tokens.</source>
        <translation>Chế độ luyện tập: mọi tài khoản ở đây làm việc với trình mô phỏng có sẵn bằng mã luyện tập.</translation>
    </message>
    <message>
        <source>X access: not known yet (X shows it when it refuses a request).</source>
        <translation>Quyền truy cập X: chưa biết (X cho biết khi từ chối một yêu cầu).</translation>
    </message>
    <message>
        <source>X access: {0} (seen {1} UTC).</source>
        <translation>Quyền truy cập X: {0} (ghi nhận lúc {1} UTC).</translation>
    </message>
    <message>
        <source>Added {0}. Verify it to check its credentials.</source>
        <translation>Đã thêm {0}. Hãy kiểm tra để xác nhận thông tin xác thực.</translation>
    </message>
    <message>
        <source>Nothing changed for {0}.</source>
        <translation>Không có gì thay đổi cho {0}.</translation>
    </message>
    <message>
        <source>Saved {0}: its posts now go to X without their links. Scheduled post(s) {1} are only a link and would go out empty: edit or cancel them in the Queue.</source>
        <translation>Đã lưu {0}: từ nay bài đăng lên X không kèm đường liên kết. Bài đã lên lịch {1} chỉ có một đường liên kết nên sẽ bị đăng trống: hãy sửa hoặc hủy chúng trong Hàng đợi.</translation>
    </message>
    <message>
        <source>Saved {0}: its posts now need an approver&apos;s approval before they are scheduled.</source>
        <translation>Đã lưu {0}: từ nay bài viết của tài khoản này phải được người phê duyệt phê duyệt rồi mới được lên lịch.</translation>
    </message>
    <message>
        <source>Saved {0}. Its {1} scheduled post(s) go out at the same moment as before; their times now read in {2}: reschedule them in the Queue if they should move.</source>
        <translation>Đã lưu {0}. {1} bài đã lên lịch của tài khoản vẫn được đăng vào cùng thời điểm như trước; giờ của chúng nay hiển thị theo {2}: hãy lên lịch lại trong Hàng đợi nếu cần dời.</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Đã lưu {0}.</translation>
    </message>
    <message>
        <source>Asking {0} about {1}…</source>
        <translation>Đang hỏi {0} về {1}…</translation>
    </message>
    <message>
        <source>{0} posts as {1} ({2}) on {3}.</source>
        <translation>{0} đăng với tư cách {1} ({2}) trên {3}.</translation>
    </message>
    <message>
        <source>Not verified: {0}</source>
        <translation>Chưa xác nhận được: {0}</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Xóa tài khoản</translation>
    </message>
    <message>
        <source>Remove {0}? Its credentials are deleted from the keyring.</source>
        <translation>Xóa {0}? Thông tin xác thực của tài khoản sẽ bị xóa khỏi kho khóa.</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>Đã xóa {0}.</translation>
    </message>
</context>
<context>
    <name>Advice</name>
    <message>
        <source>The platform no longer accepts this account&apos;s sign-in (the access expired or was withdrawn).</source>
        <extracomment>The translation context of the advice sentences (written out in each call: lupdate reads literals). ``variants.last_error_class`` of a published variant whose figures cannot be read.</extracomment>
        <translation>Nền tảng không còn chấp nhận đăng nhập của tài khoản này (quyền truy cập đã hết hạn hoặc bị thu hồi).</translation>
    </message>
    <message>
        <source>Reconnect the account on the Accounts screen, then retry.</source>
        <translation>Kết nối lại tài khoản trên màn hình Tài khoản, rồi thử lại.</translation>
    </message>
    <message>
        <source>The platform refused the post as it is: most often the text is too long for it, or a file is not accepted.</source>
        <translation>Nền tảng từ chối bài viết ở dạng hiện tại: thường là do văn bản quá dài, hoặc một tệp không được chấp nhận.</translation>
    </message>
    <message>
        <source>Shorten the text (or change the media) in Compose, then retry.</source>
        <translation>Rút ngắn văn bản (hoặc đổi hình ảnh, video) trong Soạn bài, rồi thử lại.</translation>
    </message>
    <message>
        <source>The platform refused it because the account already carries the same text.</source>
        <translation>Nền tảng từ chối vì tài khoản đã có một bài với cùng nội dung.</translation>
    </message>
    <message>
        <source>Change the text a little in Compose, then retry.</source>
        <translation>Sửa văn bản đôi chút trong Soạn bài, rồi thử lại.</translation>
    </message>
    <message>
        <source>The platform refused it under its rules on content.</source>
        <translation>Nền tảng từ chối theo quy định về nội dung của mình.</translation>
    </message>
    <message>
        <source>Read the platform&apos;s message above, change the post in Compose, then retry.</source>
        <translation>Đọc thông báo của nền tảng ở trên, sửa bài trong Soạn bài, rồi thử lại.</translation>
    </message>
    <message>
        <source>The platform refused it and trying the same post again will not help.</source>
        <translation>Nền tảng đã từ chối, và gửi lại đúng bài này cũng sẽ không được.</translation>
    </message>
    <message>
        <source>Read the platform&apos;s message above, change the post or the account, then retry.</source>
        <translation>Đọc thông báo của nền tảng ở trên, sửa bài hoặc đổi tài khoản, rồi thử lại.</translation>
    </message>
    <message>
        <source>The platform or the network failed for a moment.</source>
        <translation>Nền tảng hoặc mạng bị lỗi trong chốc lát.</translation>
    </message>
    <message>
        <source>Retry now; the post is sent once, never twice.</source>
        <translation>Thử lại ngay; bài chỉ được gửi một lần, không bao giờ hai lần.</translation>
    </message>
    <message>
        <source>The platform asked for a pause: the account sent too much in a short time.</source>
        <translation>Nền tảng yêu cầu tạm dừng: tài khoản đã gửi quá nhiều trong thời gian ngắn.</translation>
    </message>
    <message>
        <source>Retry once the pause is over (it is tried again on its own when it is still scheduled).</source>
        <translation>Thử lại khi hết thời gian tạm dừng (nếu bài vẫn đang được lên lịch, ứng dụng sẽ tự thử lại).</translation>
    </message>
    <message>
        <source>It was not sent at its time: nothing was publishing then, and the time is past its grace window.</source>
        <translation>Bài không được gửi đúng giờ: khi đó không có gì đang đăng bài, và nay đã quá thời gian gia hạn.</translation>
    </message>
    <message>
        <source>Retry to publish it now if it is still timely, or reschedule it.</source>
        <translation>Thử lại để đăng ngay nếu bài vẫn còn hợp thời, hoặc đổi lịch cho bài.</translation>
    </message>
    <message>
        <source>Sending was interrupted (the app or the computer stopped mid-way).</source>
        <translation>Việc gửi bị gián đoạn (ứng dụng hoặc máy tính dừng giữa chừng).</translation>
    </message>
    <message>
        <source>Retry: the platform is checked first, so the post cannot go out twice.</source>
        <translation>Thử lại: nền tảng được kiểm tra trước, nên bài không thể bị đăng hai lần.</translation>
    </message>
    <message>
        <source>Sending was interrupted and the platform cannot tell whether the post went out.</source>
        <translation>Việc gửi bị gián đoạn và nền tảng không cho biết bài đã được đăng hay chưa.</translation>
    </message>
    <message>
        <source>Look at the account on the platform. If the post is not there, confirm it and publish.</source>
        <translation>Hãy xem tài khoản trên nền tảng. Nếu bài chưa có ở đó, hãy xác nhận rồi đăng.</translation>
    </message>
    <message>
        <source>It is published, but its engagement figures cannot be read at the moment.</source>
        <translation>Bài đã được đăng, nhưng hiện chưa đọc được số liệu tương tác.</translation>
    </message>
    <message>
        <source>Nothing to do for the post; if the account&apos;s access was withdrawn, reconnect it on the Accounts screen.</source>
        <translation>Không cần làm gì với bài này; nếu quyền truy cập của tài khoản đã bị thu hồi, hãy kết nối lại trên màn hình Tài khoản.</translation>
    </message>
    <message>
        <source>The platform holds the account: its developer account has no credits left.</source>
        <extracomment>A post held because the platform wants its developer account paid for (X&apos;s 402): the same words while it waits as after, since waiting alone never fixes it.</extracomment>
        <translation>Nền tảng đang tạm giữ tài khoản: tài khoản nhà phát triển đã hết tín dụng.</translation>
    </message>
    <message>
        <source>Add credits in the platform&apos;s developer console, then retry; until then it is tried again every six hours.</source>
        <translation>Hãy nạp thêm tín dụng trong trang quản trị nhà phát triển của nền tảng, rồi bấm Thử lại; trong lúc chờ, bài viết được thử lại sáu giờ một lần.</translation>
    </message>
    <message>
        <source>It did not go out; the platform&apos;s message below says why.</source>
        <translation>Bài chưa được đăng; thông báo của nền tảng bên dưới cho biết lý do.</translation>
    </message>
    <message>
        <source>Correct what the message names, then retry.</source>
        <translation>Sửa điều mà thông báo nêu ra, rồi thử lại.</translation>
    </message>
    <message>
        <source>It is tried again on its own; retry to send it at once.</source>
        <translation>Ứng dụng sẽ tự thử lại; bấm Thử lại để gửi ngay.</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>in review</source>
        <translation>đang chờ phê duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>created</source>
        <extracomment>Where the page and the tests find a column.</extracomment>
        <translation>đã tạo</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>added accounts</source>
        <translation>đã thêm tài khoản</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>đã lên lịch</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>đã ngừng sử dụng</translation>
    </message>
    <message>
        <source>set a credential</source>
        <translation>đã đặt thông tin xác thực</translation>
    </message>
    <message>
        <source>asked to publish now</source>
        <translation>đã yêu cầu đăng ngay</translation>
    </message>
    <message>
        <source>confirmed it is not on the platform</source>
        <translation>đã xác nhận bài không có trên nền tảng</translation>
    </message>
    <message>
        <source>published</source>
        <translation>đã đăng</translation>
    </message>
    <message>
        <source>published before a change landed</source>
        <translation>đã đăng trước khi thay đổi được áp dụng</translation>
    </message>
    <message>
        <source>scheduled a retry</source>
        <translation>đã lên lịch thử lại</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>đã thất bại</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>đã bị lỡ</translation>
    </message>
    <message>
        <source>set to repeat</source>
        <translation>đã đặt lặp lại</translation>
    </message>
    <message>
        <source>repeated</source>
        <translation>đã lặp lại</translation>
    </message>
    <message>
        <source>stopped repeating</source>
        <translation>đã ngừng lặp lại</translation>
    </message>
    <message>
        <source>corrected a translation</source>
        <translation>đã hiệu chỉnh một bản dịch</translation>
    </message>
    <message>
        <source>added a glossary term</source>
        <translation>đã thêm một thuật ngữ</translation>
    </message>
    <message>
        <source>changed a glossary term</source>
        <translation>đã thay đổi một thuật ngữ</translation>
    </message>
    <message>
        <source>removed a glossary term</source>
        <translation>đã xóa một thuật ngữ</translation>
    </message>
    <message>
        <source>submitted for approval</source>
        <translation>đã trình phê duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>đã từ chối</translation>
    </message>
    <message>
        <source>changed the approval rule</source>
        <translation>đã thay đổi quy tắc phê duyệt</translation>
    </message>
    <message>
        <source>added a user</source>
        <translation>đã thêm một người dùng</translation>
    </message>
    <message>
        <source>changed a role</source>
        <translation>đã thay đổi một vai trò</translation>
    </message>
    <message>
        <source>changed a user&apos;s access</source>
        <translation>đã thay đổi quyền truy cập của một người dùng</translation>
    </message>
    <message>
        <source>added a group</source>
        <translation>đã thêm một nhóm</translation>
    </message>
    <message>
        <source>changed a group&apos;s accounts</source>
        <translation>đã thay đổi tài khoản của một nhóm</translation>
    </message>
    <message>
        <source>changed a group&apos;s members</source>
        <translation>đã thay đổi thành viên của một nhóm</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Lặp lại</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>Thuật ngữ</translation>
    </message>
    <message>
        <source>Translation memory</source>
        <translation>Bộ nhớ dịch</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Period</source>
        <extracomment>Emitted after each load (or next page) is on screen. Emitted with the file written, or ``&quot;&quot;`` after a failed export. Events per page (a test makes pages small). Asks where to export (a test answers instead); ``&quot;&quot;`` when the person cancelled.</extracomment>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Mọi người</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <source>Anything</source>
        <translation>Mọi đối tượng</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã số</translation>
    </message>
    <message>
        <source>Only the events of this post, variant or account number</source>
        <translation>Chỉ các bản ghi của bài viết, phiên bản hoặc tài khoản có mã số này</translation>
    </message>
    <message>
        <source>Search the details</source>
        <translation>Tìm trong chi tiết</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Xuất CSV...</translation>
    </message>
    <message>
        <source>Save every event the filters select as a CSV file</source>
        <translation>Lưu mọi bản ghi khớp với bộ lọc thành tệp CSV</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Tải thêm</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Nhật ký hoạt động</translation>
    </message>
    <message>
        <source>No events for these filters.</source>
        <translation>Không có bản ghi nào khớp với bộ lọc này.</translation>
    </message>
    <message>
        <source>Showing {0} of {1} events, newest first</source>
        <translation>Đang hiển thị {0} trên {1} bản ghi, mới nhất ở trên</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Xuất nhật ký hoạt động</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing {0}...</source>
        <translation>Đang ghi {0}...</translation>
    </message>
    <message>
        <source>Saved {0} events to {1}</source>
        <translation>Đã lưu {0} bản ghi vào {1}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Xuất không thành công: {0}</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>+{0} more</source>
        <extracomment>``(QueueRow, date, hour or None)``: the person dropped a variant on that day (and hour, in a week). A variant double-clicked.</extracomment>
        <translation>+{0} bài nữa</translation>
    </message>
    <message>
        <source>{0} ({1}), {2}: {3}</source>
        <translation>{0} ({1}), {2}: {3}</translation>
    </message>
    <message>
        <source>Your time: {0}</source>
        <translation>Giờ của bạn: {0}</translation>
    </message>
    <message>
        <source>Account&apos;s time: {0}</source>
        <translation>Giờ của tài khoản: {0}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>&lt; Previous</source>
        <extracomment>What one load brings: the rows of the period and the accounts (for the legend and the zones). Emitted after each load is on screen (tests wait on it). Asks for an exact new time for a row: ``(naive local, fold)`` or ``None`` (a test answers it instead).</extracomment>
        <translation>&lt; Trước</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Sau &gt;</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Times are shown on your clock ({0}).</source>
        <translation>Thời gian hiển thị theo đồng hồ của bạn ({0}).</translation>
    </message>
    <message>
        <source>Drag a post to another day or hour to reschedule it; double-click it to pick an exact time.</source>
        <translation>Kéo bài viết sang ngày hoặc giờ khác để đổi lịch; nhấp đúp để chọn thời điểm chính xác.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} đến {1}</translation>
    </message>
</context>
<context>
    <name>CommentPane</name>
    <message>
        <source>Open on the platform</source>
        <extracomment>The shortcut that marks the selected comment read, or unread again (the page owns it). The reader asks to mark the comment shown read (True) or unread (False). The reader says the comment is in this language: ``(comment id, code)``. Open the post on its platform.</extracomment>
        <translation>Mở trên nền tảng</translation>
    </message>
    <message>
        <source>Show the post this comment answers on its platform</source>
        <translation>Hiện bài viết mà bình luận này trả lời, trên nền tảng của nó</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Lịch sử chỉnh sửa</translation>
    </message>
    <message>
        <source>Set language</source>
        <translation>Đặt ngôn ngữ</translation>
    </message>
    <message>
        <source>Say which language the comment is in; it is translated again</source>
        <translation>Cho biết bình luận viết bằng ngôn ngữ nào; bình luận sẽ được dịch lại</translation>
    </message>
    <message>
        <source>Mark the comment read or unread ({0})</source>
        <translation>Đánh dấu bình luận đã đọc hoặc chưa đọc ({0})</translation>
    </message>
    <message>
        <source>Select a comment to read it in full.</source>
        <translation>Chọn một bình luận để đọc toàn bộ.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản gốc</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Bản dịch</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Đánh dấu đã đọc</translation>
    </message>
    <message>
        <source>In reply to: {0}</source>
        <translation>Trả lời: {0}</translation>
    </message>
    <message>
        <source>{0} likes</source>
        <translation>{0} lượt thích</translation>
    </message>
    <message>
        <source>read by {0}</source>
        <translation>{0} đã đọc</translation>
    </message>
    <message>
        <source>Deleted on the platform ({0})</source>
        <translation>Đã bị xóa trên nền tảng ({0})</translation>
    </message>
    <message>
        <source>Edited on the platform ({0})</source>
        <translation>Đã được sửa trên nền tảng ({0})</translation>
    </message>
    <message>
        <source>not detected</source>
        <translation>chưa nhận diện được</translation>
    </message>
    <message>
        <source>{0}, uncertain</source>
        <translation>{0}, chưa chắc chắn</translation>
    </message>
    <message>
        <source>Original ({0})</source>
        <translation>Bản gốc ({0})</translation>
    </message>
    <message>
        <source>Translation ({0})</source>
        <translation>Bản dịch ({0})</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Đánh dấu chưa đọc</translation>
    </message>
    <message>
        <source>Written in your language: nothing to translate.</source>
        <translation>Viết bằng ngôn ngữ của bạn: không cần dịch.</translation>
    </message>
    <message>
        <source>Not translated yet.</source>
        <translation>Chưa được dịch.</translation>
    </message>
    <message>
        <source>Translated offline ({0})</source>
        <translation>Đã dịch ngoại tuyến ({0})</translation>
    </message>
    <message>
        <source>The comment changed after it was translated; a new translation is on its way.</source>
        <translation>Bình luận đã thay đổi sau khi được dịch; bản dịch mới đang được chuẩn bị.</translation>
    </message>
    <message>
        <source>{0}. {1}: {2}</source>
        <translation>{0}. {1}: {2}</translation>
    </message>
</context>
<context>
    <name>CommentsTile</name>
    <message>
        <source>Comments</source>
        <extracomment>Characters of a post&apos;s label the comments tile shows (the whole label is in its tooltip).</extracomment>
        <translation>Bình luận</translation>
    </message>
    <message>
        <source>By language</source>
        <translation>Theo ngôn ngữ</translation>
    </message>
    <message>
        <source>Most commented posts</source>
        <translation>Bài viết có nhiều bình luận nhất</translation>
    </message>
    <message>
        <source>No comments in this period.</source>
        <translation>Không có bình luận nào trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>{0} comments, {1} unread</source>
        <translation>{0} bình luận, {1} chưa đọc</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Not detected</source>
        <translation>Chưa nhận diện được</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <source>Compose</source>
        <extracomment>How long after the last keystroke the draft is saved. A save of the draft landed (tests and the status line wait on it). The drafts menu was filled (tests wait on it). &quot;Translate&quot; finished.</extracomment>
        <translation>Soạn bài</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Bài viết mới</translation>
    </message>
    <message>
        <source>Start another post; this draft stays saved</source>
        <translation>Bắt đầu bài viết khác; bản nháp này vẫn được lưu</translation>
    </message>
    <message>
        <source>Drafts…</source>
        <translation>Bản nháp…</translation>
    </message>
    <message>
        <source>Reopen one of your drafts not sent yet</source>
        <translation>Mở lại một bản nháp chưa gửi của bạn</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Bỏ bản nháp</translation>
    </message>
    <message>
        <source>Delete this draft; its post is cancelled too while nothing of it was scheduled</source>
        <translation>Xoá bản nháp này; bài viết của nó cũng bị huỷ khi chưa có phần nào được lên lịch</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Dịch</translation>
    </message>
    <message>
        <source>Translate into every target language (Ctrl+T)</source>
        <translation>Dịch sang mọi ngôn ngữ đích (Ctrl+T)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Write the post once, in your language</source>
        <translation>Viết bài một lần, bằng ngôn ngữ của bạn</translation>
    </message>
    <message>
        <source>Written in</source>
        <translation>Viết bằng</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>Đăng lên</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Hình ảnh</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Đang lưu...</translation>
    </message>
    <message>
        <source>Draft saved at {0}</source>
        <translation>Đã lưu bản nháp lúc {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Chưa lưu: {0}</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>(chưa có nội dung)</translation>
    </message>
    <message>
        <source>{0} — {1}, {2} account(s)</source>
        <translation>{0} — {1}, {2} tài khoản</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>Không có bản nháp</translation>
    </message>
    <message>
        <source>Draft reopened.</source>
        <translation>Đã mở lại bản nháp.</translation>
    </message>
    <message>
        <source>Discard this draft? Its text and images are deleted.</source>
        <translation>Bỏ bản nháp này? Nội dung và hình ảnh của nó sẽ bị xoá.</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>Đã bỏ bản nháp.</translation>
    </message>
    <message>
        <source>Translating...</source>
        <translation>Đang dịch...</translation>
    </message>
    <message>
        <source>Translated into {0} language(s); review each variant.</source>
        <translation>Đã dịch sang {0} ngôn ngữ; hãy duyệt từng phiên bản.</translation>
    </message>
    <message>
        <source>Every variant is already translated; review each one.</source>
        <translation>Mọi phiên bản đều đã được dịch; hãy duyệt từng phiên bản.</translation>
    </message>
    <message>
        <source>Scheduled. The composer is ready for the next post.</source>
        <translation>Đã lên lịch. Khung soạn thảo sẵn sàng cho bài viết tiếp theo.</translation>
    </message>
    <message>
        <source>Draft reopened where you left it.</source>
        <translation>Đã mở lại bản nháp ở chỗ bạn dừng.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>{0} was changed meanwhile</source>
        <extracomment>The background of a place both people changed differently (the person&apos;s words are kept there).</extracomment>
        <translation>{0} đã bị thay đổi trong lúc đó</translation>
    </message>
    <message>
        <source>Someone changed the text for {0} after you opened it. Both changes are in the merged text below: check it and save it, or keep yours, or take theirs.</source>
        <translation>Có người đã sửa văn bản cho {0} sau khi bạn mở. Cả hai thay đổi đều có trong văn bản đã gộp bên dưới: hãy kiểm tra rồi lưu, hoặc giữ bản của bạn, hoặc lấy bản của họ.</translation>
    </message>
    <message>
        <source>Someone changed the text for {0} after you opened it, partly in the same words. The merged text keeps your words there, highlighted: decide each place, then save it, or keep yours, or take theirs.</source>
        <translation>Có người đã sửa văn bản cho {0} sau khi bạn mở, có chỗ trùng với chỗ bạn sửa. Văn bản đã gộp giữ lời của bạn ở những chỗ đó và tô sáng: hãy quyết định từng chỗ rồi lưu, hoặc giữ bản của bạn, hoặc lấy bản của họ.</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Nội dung của bạn</translation>
    </message>
    <message>
        <source>The text there now</source>
        <translation>Nội dung hiện có</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Đã gộp</translation>
    </message>
    <message>
        <source>Yours: “{0}” · theirs: “{1}”</source>
        <translation>Của bạn: “{0}” · của họ: “{1}”</translation>
    </message>
    <message>
        <source>Save merged</source>
        <translation>Lưu bản đã gộp</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Lấy bản của họ</translation>
    </message>
</context>
<context>
    <name>CounterLabel</name>
    <message>
        <source>{0}: {1} {2}</source>
        <extracomment>The colours of a counter within and past its limit.</extracomment>
        <translation>{0}: {1} {2}</translation>
    </message>
    <message>
        <source>{0} states no length limit.</source>
        <translation>{0} không quy định giới hạn độ dài.</translation>
    </message>
    <message>
        <source>{0}: {1} / {2}</source>
        <translation>{0}: {1} / {2}</translation>
    </message>
    <message>
        <source>{0} {1} of the {2} that {3} allows.</source>
        <translation>{0} {1} trên tổng số {2} mà {3} cho phép.</translation>
    </message>
</context>
<context>
    <name>EngagementFilters</name>
    <message>
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 ngày qua</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tất cả tài khoản</translation>
    </message>
    <message>
        <source>{0} accounts</source>
        <translation>{0} tài khoản</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Tất cả ngôn ngữ</translation>
    </message>
    <message>
        <source>{0} languages</source>
        <translation>{0} ngôn ngữ</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Tất cả nền tảng</translation>
    </message>
    <message>
        <source>{0} platforms</source>
        <translation>{0} nền tảng</translation>
    </message>
</context>
<context>
    <name>EngagementModel</name>
    <message>
        <source>Published</source>
        <extracomment>Where the page and the tests find a column. The role a sort reads: numbers sort as numbers, blanks last.</extracomment>
        <translation>Thời điểm đăng</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Lượt bày tỏ cảm xúc</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Lượt chia sẻ</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Lượt trả lời</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Lượt hiển thị</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Lượt nhấp</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Lượt tương tác</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Not polled yet: the first figures come about ten minutes after publishing.</source>
        <translation>Chưa lấy số liệu: số liệu đầu tiên có khoảng mười phút sau khi đăng.</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>EngagementPage</name>
    <message>
        <source>Export CSV...</source>
        <extracomment>Emitted after each dashboard load is on screen (tests wait on it). Emitted after the heatmap shows an account&apos;s history. Emitted with the file written, or ``&quot;&quot;`` after a failed export. Emitted after the comments tile shows a load. Opens a web address (a test records it instead). Asks where to export (a test answers instead); ``&quot;&quot;`` when the person cancelled.</extracomment>
        <translation>Xuất CSV...</translation>
    </message>
    <message>
        <source>Export XLSX...</source>
        <translation>Xuất XLSX...</translation>
    </message>
    <message>
        <source>PDF report...</source>
        <translation>Báo cáo PDF...</translation>
    </message>
    <message>
        <source>Save the table of posts as a CSV file</source>
        <translation>Lưu bảng bài viết thành tệp CSV</translation>
    </message>
    <message>
        <source>Save the table of posts and the breakdowns as a spreadsheet</source>
        <translation>Lưu bảng bài viết và các bảng phân tích thành bảng tính</translation>
    </message>
    <message>
        <source>Save a report for managers, for the period and filters chosen</source>
        <translation>Lưu báo cáo cho lãnh đạo, theo khoảng thời gian và bộ lọc đã chọn</translation>
    </message>
    <message>
        <source>By account</source>
        <translation>Theo tài khoản</translation>
    </message>
    <message>
        <source>By language</source>
        <translation>Theo ngôn ngữ</translation>
    </message>
    <message>
        <source>Best time to post</source>
        <translation>Thời điểm đăng tốt nhất</translation>
    </message>
    <message>
        <source>History...</source>
        <translation>Lịch sử...</translation>
    </message>
    <message>
        <source>The selected post&apos;s figures over time, and in its other languages</source>
        <translation>Số liệu theo thời gian của bài viết đã chọn, và ở các ngôn ngữ khác của nó</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Mở trong trình duyệt</translation>
    </message>
    <message>
        <source>Show the selected post on its platform</source>
        <translation>Xem bài viết đã chọn trên nền tảng của nó</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Tương tác</translation>
    </message>
    <message>
        <source>{0} published</source>
        <translation>{0} bài đã đăng</translation>
    </message>
    <message>
        <source>Engagements gained per day</source>
        <translation>Lượt tương tác tăng thêm mỗi ngày</translation>
    </message>
    <message>
        <source>Engagement figures of {0} ({1} posts) cannot be read: {2}</source>
        <translation>Không đọc được số liệu tương tác của {0} ({1} bài viết): {2}</translation>
    </message>
    <message>
        <source>Engagements by language</source>
        <translation>Lượt tương tác theo ngôn ngữ</translation>
    </message>
    <message>
        <source>Engagements by account</source>
        <translation>Lượt tương tác theo tài khoản</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Lượt tương tác</translation>
    </message>
    <message>
        <source>Choose an account to see when its posts did best.</source>
        <translation>Chọn một tài khoản để xem bài viết của nó hiệu quả nhất vào lúc nào.</translation>
    </message>
    <message>
        <source>Best hours ({0}): {1}</source>
        <translation>Giờ tốt nhất ({0}): {1}</translation>
    </message>
    <message>
        <source>Not enough history for advice yet.</source>
        <translation>Chưa đủ lịch sử để đưa ra gợi ý.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Writing {0}...</source>
        <translation>Đang ghi {0}...</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Đã lưu {0}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Xuất không thành công: {0}</translation>
    </message>
</context>
<context>
    <name>FeedbackModel</name>
    <message>
        <source>When</source>
        <extracomment>Where the page and the tests find a column. The interface&apos;s language: rows show their translation into it. Show every row&apos;s original text instead of its translation.</extracomment>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Người viết</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Bình luận</translation>
    </message>
    <message>
        <source>[deleted] {0}</source>
        <translation>[đã xóa] {0}</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>{0} ?</source>
        <translation>{0} ?</translation>
    </message>
    <message>
        <source>Original: {0}</source>
        <translation>Bản gốc: {0}</translation>
    </message>
    <message>
        <source>Language not detected yet</source>
        <translation>Chưa nhận diện được ngôn ngữ</translation>
    </message>
    <message>
        <source>Uncertain: check the language and correct it if needed</source>
        <translation>Chưa chắc chắn: hãy kiểm tra ngôn ngữ và sửa nếu cần</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <source>Written</source>
        <extracomment>Emitted after each load (or next page) is on screen. Emitted after a translation pass has updated the rows (tests wait on it). Emitted when the detail pane shows a comment&apos;s history. Emitted after a mark or a change of language is on screen. The sidebar&apos;s name changed (the unread count): the window shows :meth:`title` again. The page asks the window to show another page (its key). Comments per page (a test makes pages small). Opens a web address (a test records it instead).</extracomment>
        <translation>Thời điểm viết</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tất cả tài khoản</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Tất cả ngôn ngữ</translation>
    </message>
    <message>
        <source>Not detected</source>
        <translation>Chưa nhận diện được</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Chỉ chưa đọc</translation>
    </message>
    <message>
        <source>Show originals</source>
        <translation>Hiện bản gốc</translation>
    </message>
    <message>
        <source>Show each comment as written instead of its translation</source>
        <translation>Hiện từng bình luận như khi được viết thay vì bản dịch</translation>
    </message>
    <message>
        <source>Search the comments and their authors</source>
        <translation>Tìm trong bình luận và người viết</translation>
    </message>
    <message>
        <source>Language packs...</source>
        <translation>Gói ngôn ngữ...</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Tải thêm</translation>
    </message>
    <message>
        <source>Feedback ({0})</source>
        <translation>Phản hồi ({0})</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>No comments for these filters.</source>
        <translation>Không có bình luận nào khớp bộ lọc này.</translation>
    </message>
    <message>
        <source>Showing {0} of {1} comments, newest first; {2} unread</source>
        <translation>Đang hiện {0} trên {1} bình luận, mới nhất trước; {2} chưa đọc</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Translating {0} comments...</source>
        <translation>Đang dịch {0} bình luận...</translation>
    </message>
    <message>
        <source>The comments could not be translated: {0}</source>
        <translation>Không dịch được các bình luận: {0}</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>{0} {1}:00: {2} posts</source>
        <translation>{0} {1}:00: {2} bài viết</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Communiqué — PRACTICE MODE</source>
        <extracomment>Notices kept for the notification list (newest last).</extracomment>
        <translation>Communiqué — CHẾ ĐỘ LUYỆN TẬP</translation>
    </message>
    <message>
        <source>Practice mode: posts go to the local platform emulator and a practice database; nothing is published.</source>
        <translation>Chế độ luyện tập: bài viết được gửi tới trình mô phỏng nền tảng trên máy này và một cơ sở dữ liệu luyện tập; không có gì được đăng thật.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Đi tới</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About Communiqué</source>
        <translation>&amp;Giới thiệu Communiqué</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Cơ sở dữ liệu: {0}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>About Communiqué</source>
        <translation>Giới thiệu Communiqué</translation>
    </message>
    <message>
        <source>Communiqué: draft once, translate offline, publish to every account at its local hour.</source>
        <translation>Communiqué: soạn một lần, dịch ngoại tuyến, đăng lên mọi tài khoản đúng giờ địa phương của từng tài khoản.</translation>
    </message>
</context>
<context>
    <name>MediaList</name>
    <message>
        <source>Drop images here, or</source>
        <translation>Thả hình ảnh vào đây, hoặc</translation>
    </message>
    <message>
        <source>Add images...</source>
        <translation>Thêm hình ảnh...</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Thêm hình ảnh</translation>
    </message>
    <message>
        <source>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4)</source>
        <translation>Hình ảnh và video (*.jpg *.jpeg *.png *.gif *.webp *.mp4)</translation>
    </message>
</context>
<context>
    <name>MediaRow</name>
    <message>
        <source>(video)</source>
        <translation>(video)</translation>
    </message>
    <message>
        <source>Alt text: describe it for people who cannot see it</source>
        <translation>Văn bản thay thế: mô tả cho người không nhìn thấy hình</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); the details are in the log.</source>
        <translation>Đã xảy ra lỗi ({0}); chi tiết có trong nhật ký.</translation>
    </message>
</context>
<context>
    <name>PacksModel</name>
    <message>
        <source>its own (MiniSBD)</source>
        <extracomment>At most this many missing pairs are spelled out; the rest are counted.</extracomment>
        <translation>riêng của gói (MiniSBD)</translation>
    </message>
    <message>
        <source>built-in rules</source>
        <translation>quy tắc có sẵn</translation>
    </message>
    <message>
        <source>Practice pack: its translations are gibberish</source>
        <translation>Gói luyện tập: bản dịch của nó là chữ vô nghĩa</translation>
    </message>
    <message>
        <source>Random weights: install a real pack for this pair to translate for real.</source>
        <translation>Trọng số ngẫu nhiên: hãy cài một gói thật cho cặp ngôn ngữ này để dịch thật.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sang</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Sentence splitter</source>
        <translation>Bộ tách câu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>PacksPage</name>
    <message>
        <source>Language packs</source>
        <translation>Gói ngôn ngữ</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>Cài từ tệp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Tải về</translation>
    </message>
    <message>
        <source>Downloading needs the internet (the Argos Translate index). Offline, install a .argosmodel file instead.</source>
        <translation>Tải về cần có Internet (danh mục của Argos Translate). Khi ngoại tuyến, hãy cài một tệp .argosmodel.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation>…và {0} gói nữa.</translation>
    </message>
    <message>
        <source>Install a pack file with “Install from file…”, or download a pair below (needs the internet).</source>
        <translation>Cài tệp gói bằng “Cài từ tệp…”, hoặc tải về một cặp ngôn ngữ bên dưới (cần Internet).</translation>
    </message>
    <message>
        <source>No language pack for {0} -&gt; {1}: install one.</source>
        <translation>Không có gói ngôn ngữ cho {0} -&gt; {1}: hãy cài một gói.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> và </translation>
    </message>
    <message>
        <source>No language pack for {0} -&gt; {1}: install one, or {2} to go through English.</source>
        <translation>Không có gói ngôn ngữ cho {0} -&gt; {1}: hãy cài một gói, hoặc {2} để dịch qua tiếng Anh.</translation>
    </message>
    <message>
        <source>Install a language pack</source>
        <translation>Cài gói ngôn ngữ</translation>
    </message>
    <message>
        <source>Language packs (*.argosmodel);;All files (*)</source>
        <translation>Gói ngôn ngữ (*.argosmodel);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking and installing {0}…</source>
        <translation>Đang kiểm tra và cài {0}…</translation>
    </message>
    <message>
        <source>Looking up {0} -&gt; {1} in the Argos Translate index (internet)…</source>
        <translation>Đang tìm {0} -&gt; {1} trong danh mục của Argos Translate (Internet)…</translation>
    </message>
    <message>
        <source>Installed {0} -&gt; {1} (version {2}).</source>
        <translation>Đã cài {0} -&gt; {1} (phiên bản {2}).</translation>
    </message>
    <message>
        <source>Remove language pack</source>
        <translation>Xóa gói ngôn ngữ</translation>
    </message>
    <message>
        <source>Remove the language pack {0} -&gt; {1}?</source>
        <translation>Xóa gói ngôn ngữ {0} -&gt; {1}?</translation>
    </message>
    <message>
        <source>Removed {0} -&gt; {1}.</source>
        <translation>Đã xóa {0} -&gt; {1}.</translation>
    </message>
</context>
<context>
    <name>PeriodFilterBar</name>
    <message>
        <source>Today</source>
        <extracomment>What a custom period first offers: the last 30 days, today included. The value every screen&apos;s preset list gives &quot;Custom dates&quot; (the two dates count only then). The period changed: a preset chosen, or a date moved while &quot;Custom dates&quot; is chosen.</extracomment>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 ngày qua</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toàn bộ thời gian</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
</context>
<context>
    <name>QueueFilters</name>
    <message>
        <source>All statuses</source>
        <extracomment>The statuses each item of the status filter selects, in the order the items are listed. The periods of the period filter, in the order the items are listed.</extracomment>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Đã lên lịch</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Bị lỡ</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tất cả tài khoản</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Tất cả ngôn ngữ</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Mọi lúc</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 ngày tới</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>From ... to ...</source>
        <translation>Từ ... đến ...</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>Chờ tôi xử lý</translation>
    </message>
    <message>
        <source>Posts waiting for your approval; for an officer, your rejected posts to correct and submit again</source>
        <translation>Bài viết đang chờ bạn phê duyệt; với cán bộ soạn bài, là các bài của bạn bị từ chối cần sửa và trình lại</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>chưa lên lịch</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Your time: {0}</source>
        <translation>Giờ của bạn: {0}</translation>
    </message>
    <message>
        <source>Rejected: {0}</source>
        <translation>Bị từ chối: {0}</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation>Hàng đợi</translation>
    </message>
    <message>
        <source>Pick an end date before the year 9999.</source>
        <translation>Hãy chọn ngày kết thúc trước năm 9999.</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <extracomment>Rows one load shows; &quot;N of M&quot; says when more match. Emitted after each load is on screen (tests wait on it). Asks the person a yes/no question (a test answers it instead). Asks for a new time for a row: ``(naive local, fold)`` or ``None`` (a test answers it instead). Asks why a row is rejected: the comment, or ``None`` (a test answers it instead). Opens a web address (a test records it instead).</extracomment>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>Engagement figures of {0} ({1} posts) cannot be read: {2}</source>
        <translation>Không đọc được số liệu tương tác của {0} ({1} bài viết): {2}</translation>
    </message>
    <message>
        <source>Another publisher took this post first; its result will show.</source>
        <translation>Một trình đăng bài khác đã nhận bài này trước; kết quả sẽ hiện ra.</translation>
    </message>
    <message>
        <source>Cancel the post to {0}? The post&apos;s other accounts keep theirs.</source>
        <translation>Hủy bài đăng lên {0}? Các tài khoản khác của bài viết vẫn giữ phiên bản của mình.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Why is the post to {0} rejected? Its author reads this to correct it.</source>
        <translation>Vì sao bài đăng lên {0} bị từ chối? Tác giả sẽ đọc lý do này để sửa bài.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule</source>
        <extracomment>The edit&apos;s own zone is UTC so that Qt never shifts a wall-clock time that the system zone lacks.</extracomment>
        <translation>Đổi lịch</translation>
    </message>
    <message>
        <source>New time for {0}, on the account&apos;s clock ({1}):</source>
        <translation>Thời gian mới cho {0}, theo đồng hồ của tài khoản ({1}):</translation>
    </message>
    <message>
        <source>Time in {0}</source>
        <translation>Giờ tại {0}</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Giờ của bạn</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>Thời điểm nào</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Chọn...</translation>
    </message>
    <message>
        <source>The earlier one (before the clocks go back)</source>
        <translation>Thời điểm sớm hơn (trước khi lùi đồng hồ)</translation>
    </message>
    <message>
        <source>The later one (after the clocks go back)</source>
        <translation>Thời điểm muộn hơn (sau khi lùi đồng hồ)</translation>
    </message>
    <message>
        <source>(choose which one)</source>
        <translation>(chọn thời điểm)</translation>
    </message>
    <message>
        <source>(no such time in {0})</source>
        <translation>(không có giờ này tại {0})</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Schedule</source>
        <extracomment>The post after &quot;Schedule&quot; succeeded. Who the changes made here are reported as (the page, which need not reload for them). The ids of the accounts that require approval (read in the background with each post).</extracomment>
        <translation>Lên lịch</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Trình phê duyệt</translation>
    </message>
    <message>
        <source>Ask an approver to approve these versions; schedule them once approved</source>
        <translation>Gửi các phiên bản này cho người phê duyệt; lên lịch sau khi được phê duyệt</translation>
    </message>
    <message>
        <source>Press Translate (Ctrl+T) to see the variants here.</source>
        <translation>Nhấn Dịch (Ctrl+T) để xem các phiên bản ở đây.</translation>
    </message>
    <message>
        <source>Source ({0})</source>
        <translation>Bản gốc ({0})</translation>
    </message>
    <message>
        <source>The source text changed: review these variants again: {0}.</source>
        <translation>Bản gốc đã thay đổi: hãy duyệt lại các phiên bản sau: {0}.</translation>
    </message>
    <message>
        <source>Translate the post first.</source>
        <translation>Hãy dịch bài viết trước.</translation>
    </message>
    <message>
        <source>Schedule every variant at its time</source>
        <translation>Lên lịch mọi phiên bản vào thời điểm của nó</translation>
    </message>
    <message>
        <source>{0}: requires approval; submit it for approval, and schedule it once it is approved.</source>
        <translation>{0}: cần phê duyệt; hãy trình phê duyệt, rồi lên lịch sau khi được phê duyệt.</translation>
    </message>
    <message>
        <source>Waiting for an approver: {0}.</source>
        <translation>Đang chờ người phê duyệt: {0}.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>Time in {0}</source>
        <extracomment>The time or the fold choice changed. The RFC 5545 rule typed. Why &quot;Next free slot&quot; chose its time (best-time advice or its absence), while that time is shown.</extracomment>
        <translation>Giờ tại {0}</translation>
    </message>
    <message>
        <source>the earlier one</source>
        <translation>thời điểm sớm hơn</translation>
    </message>
    <message>
        <source>the later one</source>
        <translation>thời điểm muộn hơn</translation>
    </message>
    <message>
        <source>Next free slot</source>
        <translation>Khung giờ trống tiếp theo</translation>
    </message>
    <message>
        <source>Put the account&apos;s next free posting slot in the field</source>
        <translation>Điền khung giờ đăng trống tiếp theo của tài khoản vào ô</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Đăng ngay</translation>
    </message>
    <message>
        <source>A repeat rule (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=MO for every Monday</source>
        <translation>Quy tắc lặp lại (RFC 5545), ví dụ FREQ=WEEKLY;BYDAY=MO cho mỗi thứ Hai</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Lặp lại</translation>
    </message>
    <message>
        <source>Publish this variant now</source>
        <translation>Đăng phiên bản này ngay</translation>
    </message>
    <message>
        <source>Repeat this variant by the rule</source>
        <translation>Lặp lại phiên bản này theo quy tắc</translation>
    </message>
    <message>
        <source>{0} your time ({1})</source>
        <translation>{0} giờ của bạn ({1})</translation>
    </message>
    <message>
        <source>{0} or {1} your time</source>
        <translation>{0} hoặc {1} giờ của bạn</translation>
    </message>
</context>
<context>
    <name>ScheduleGate</name>
    <message>
        <source>Nothing left to schedule: every variant is on its way, published or repeating.</source>
        <translation>Không còn gì để lên lịch: mọi phiên bản đều đang chờ đăng, đã đăng hoặc đang lặp lại.</translation>
    </message>
    <message>
        <source>{0} is over its limit: {1} of {2} {3}.</source>
        <translation>{0} vượt giới hạn: {1} trên {2} {3}.</translation>
    </message>
    <message>
        <source>Not reviewed yet: {0}.</source>
        <translation>Chưa duyệt: {0}.</translation>
    </message>
    <message>
        <source>Edits not saved yet: {0}.</source>
        <translation>Chỉnh sửa chưa được lưu: {0}.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>Items of the database choice.</extracomment>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>This computer (the built-in database)</source>
        <translation>Máy tính này (cơ sở dữ liệu có sẵn)</translation>
    </message>
    <message>
        <source>A team database (PostgreSQL address, without the password)</source>
        <translation>Cơ sở dữ liệu của nhóm (địa chỉ PostgreSQL, không kèm mật khẩu)</translation>
    </message>
    <message>
        <source>Test and save</source>
        <translation>Kiểm tra và lưu</translation>
    </message>
    <message>
        <source>Copy this computer&apos;s accounts, posts and history into it first</source>
        <translation>Trước tiên, sao chép tài khoản, bài viết và lịch sử của máy tính này vào đó</translation>
    </message>
    <message>
        <source>Every row is copied with its ids into an empty team database and compared with the original before it is kept. Credentials stay in this computer&apos;s keyring.</source>
        <translation>Mỗi dòng được sao chép cùng mã định danh của nó vào một cơ sở dữ liệu nhóm còn trống và được đối chiếu với bản gốc trước khi giữ lại. Thông tin đăng nhập vẫn ở trong kho khoá của máy tính này.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Đăng bài</translation>
    </message>
    <message>
        <source>This app publishes scheduled posts</source>
        <translation>Ứng dụng này tự đăng các bài đã lên lịch</translation>
    </message>
    <message>
        <source>Practice mode (a practice database; every account on the emulator)</source>
        <translation>Chế độ luyện tập (cơ sở dữ liệu luyện tập; mọi tài khoản trên trình mô phỏng)</translation>
    </message>
    <message>
        <source>Set by the environment variable {0}; unset it to change this here.</source>
        <translation>Được đặt bởi biến môi trường {0}; hãy bỏ biến đó để thay đổi tại đây.</translation>
    </message>
    <message>
        <source>Applies when the app starts next.</source>
        <translation>Có hiệu lực từ lần khởi động ứng dụng tiếp theo.</translation>
    </message>
    <message>
        <source>Practice mode uses its own practice database; this applies outside practice mode.</source>
        <translation>Chế độ luyện tập dùng cơ sở dữ liệu luyện tập riêng; thiết lập này áp dụng ngoài chế độ luyện tập.</translation>
    </message>
    <message>
        <source>Turn this off when a &apos;communique worker&apos; publishes for the team. </source>
        <translation>Hãy tắt khi một &apos;communique worker&apos; đăng bài cho cả nhóm. </translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Testing the database…</source>
        <translation>Đang kiểm tra cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Copying {0}: {1} of {2} rows…</source>
        <translation>Đang sao chép {0}: {1} trên {2} dòng…</translation>
    </message>
    <message>
        <source>The team database already held exactly this computer&apos;s content; nothing was copied twice. Saved: it is used from the next start.</source>
        <translation>Cơ sở dữ liệu nhóm đã có đúng nội dung của máy tính này; không có gì bị sao chép hai lần. Đã lưu: cơ sở dữ liệu này được dùng từ lần khởi động tới.</translation>
    </message>
    <message>
        <source>Copied and verified {0} rows into the team database; saved. It is used from the next start.</source>
        <translation>Đã sao chép và kiểm tra {0} dòng vào cơ sở dữ liệu nhóm; đã lưu. Cơ sở dữ liệu này được dùng từ lần khởi động tới.</translation>
    </message>
    <message>
        <source>The database answered; saved. It is used from the next start.</source>
        <translation>Cơ sở dữ liệu đã phản hồi; đã lưu. Sẽ được dùng từ lần khởi động tiếp theo.</translation>
    </message>
    <message>
        <source>Saved: the built-in database, from the next start.</source>
        <translation>Đã lưu: cơ sở dữ liệu có sẵn, từ lần khởi động tiếp theo.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Communiqué cannot start</source>
        <extracomment>At most this many translation models are loaded ahead of use (each real one is ~100 MB). How long a thread holds the GIL before another may take it (Python&apos;s default: 0.005 s). How many of the newest posts tell which languages the officers write in. For smoke tests and CI: quit by itself after this many milliseconds. For smoke tests: save a screenshot of the main window here just before quitting. The rest of the start waits for the shell&apos;s first paint, but no longer than this (a window that is never exposed, on a hidden desktop say, must still open its store). The exit status when the start failed (the event loop is told to end with it). An unexpected error, raised again once the event loop has ended (as it was before the window).</extracomment>
        <translation>Communiqué không khởi động được</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <extracomment>Where the page and the tests find a column.</extracomment>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Đã lên lịch</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Đang đăng</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Bị lỡ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Posts</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Lượt bày tỏ cảm xúc</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Lượt chia sẻ</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Lượt trả lời</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Lượt hiển thị</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Lượt nhấp</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Tỷ lệ tương tác</translation>
    </message>
    <message>
        <source>Previous period: {0}</source>
        <translation>Kỳ trước: {0}</translation>
    </message>
    <message>
        <source>new this period</source>
        <translation>mới trong kỳ này</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>không có số liệu so sánh</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>{0} {1} vs previous</source>
        <translation>{0} {1} so với kỳ trước</translation>
    </message>
</context>
<context>
    <name>VariantHistoryDialog</name>
    <message>
        <source>Post history</source>
        <translation>Lịch sử bài viết</translation>
    </message>
    <message>
        <source>{0} ({1}), {2}: {3}</source>
        <translation>{0} ({1}), {2}: {3}</translation>
    </message>
    <message>
        <source>The same post in its other languages and accounts</source>
        <translation>Cùng bài viết ở các ngôn ngữ và tài khoản khác</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Lượt tương tác</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Lượt bày tỏ cảm xúc</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Lượt chia sẻ</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Lượt trả lời</translation>
    </message>
    <message>
        <source>Impressions (right axis)</source>
        <translation>Lượt hiển thị (trục bên phải)</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Lượt nhấp</translation>
    </message>
    <message>
        <source>Figures over time ({0} readings)</source>
        <translation>Số liệu theo thời gian ({0} lần đọc)</translation>
    </message>
    <message>
        <source>No readings yet: the first figures come about ten minutes after publishing.</source>
        <translation>Chưa có lần đọc nào: số liệu đầu tiên có khoảng mười phút sau khi đăng.</translation>
    </message>
</context>
<context>
    <name>VariantPane</name>
    <message>
        <source>Save</source>
        <extracomment>The variant changed in the store (saved, reviewed, published, repeating): the panel reloads. The editor&apos;s text or the time changed (the panel re-checks its gate).</extracomment>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save your text for this account (remembered for later translations)</source>
        <translation>Lưu nội dung của bạn cho tài khoản này (được ghi nhớ cho các lần dịch sau)</translation>
    </message>
    <message>
        <source>Retranslate sentence</source>
        <translation>Dịch lại câu</translation>
    </message>
    <message>
        <source>Translate the sentence under the cursor again from the source</source>
        <translation>Dịch lại câu tại con trỏ từ bản gốc</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>{0} — {1} · {2} · {3} — {4}</source>
        <translation>{0} — {1} · {2} · {3} — {4}</translation>
    </message>
    <message>
        <source>Not translated yet: press Translate</source>
        <translation>Chưa dịch: nhấn Dịch</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Lặp lại</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>đã lên lịch</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>đang đăng</translation>
    </message>
    <message>
        <source>published</source>
        <translation>đã đăng</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>bị lỡ</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>Not translated</source>
        <translation>Chưa dịch</translation>
    </message>
    <message>
        <source>Protected text lost</source>
        <translation>Mất phần văn bản được bảo vệ</translation>
    </message>
    <message>
        <source>Unusual length</source>
        <translation>Độ dài bất thường</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Vượt giới hạn</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Someone else changed this text meanwhile; merge or choose which to keep.</source>
        <translation>Có người khác vừa sửa văn bản này; hãy gộp hoặc chọn bản để giữ.</translation>
    </message>
    <message>
        <source>The text changed while the sentence was translated; try again.</source>
        <translation>Nội dung đã thay đổi trong lúc dịch câu; hãy thử lại.</translation>
    </message>
    <message>
        <source>Sentence translated again; check it, then save.</source>
        <translation>Đã dịch lại câu; hãy kiểm tra rồi lưu.</translation>
    </message>
    <message>
        <source>Translating the sentence...</source>
        <translation>Đang dịch câu...</translation>
    </message>
    <message>
        <source>Publishing...</source>
        <translation>Đang đăng...</translation>
    </message>
    <message>
        <source>Another publisher took it first; see the Queue.</source>
        <translation>Một trình đăng bài khác đã nhận trước; xem Hàng đợi.</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Trạng thái: {0}</translation>
    </message>
    <message>
        <source>Repeats by {0} from {1}.</source>
        <translation>Lặp lại theo {0} từ {1}.</translation>
    </message>
</context>
<context>
    <name>VariantPanel</name>
    <message>
        <source>Retry</source>
        <extracomment>Publish now; ``True`` when the person confirmed the post is not on the platform.</extracomment>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Publish it now (Ctrl+Enter)</source>
        <translation>Đăng ngay (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>I checked: it is not there, publish it</source>
        <translation>Tôi đã kiểm tra: bài chưa có ở đó, hãy đăng</translation>
    </message>
    <message>
        <source>Only after looking at the account on the platform: the post is sent without a look-up.</source>
        <translation>Chỉ dùng sau khi đã xem tài khoản trên nền tảng: bài được gửi mà không kiểm tra lại.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancel this account&apos;s version only; the post&apos;s other accounts keep theirs (Delete)</source>
        <translation>Chỉ hủy phiên bản của tài khoản này; các tài khoản khác của bài viết vẫn giữ phiên bản của mình (Delete)</translation>
    </message>
    <message>
        <source>Reschedule...</source>
        <translation>Đổi lịch...</translation>
    </message>
    <message>
        <source>Pick another time on the account&apos;s clock (Ctrl+T)</source>
        <translation>Chọn thời điểm khác theo đồng hồ của tài khoản (Ctrl+T)</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Mở trong trình duyệt</translation>
    </message>
    <message>
        <source>Show the published post on the platform (Ctrl+B)</source>
        <translation>Xem bài đã đăng trên nền tảng (Ctrl+B)</translation>
    </message>
    <message>
        <source>Go to Accounts</source>
        <translation>Đi tới Tài khoản</translation>
    </message>
    <message>
        <source>Reconnect the account there</source>
        <translation>Kết nối lại tài khoản ở đó</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Trình phê duyệt</translation>
    </message>
    <message>
        <source>Ask an approver to approve this version before it is scheduled</source>
        <translation>Gửi phiên bản này cho người phê duyệt trước khi lên lịch</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Approve this version: it can then be scheduled</source>
        <translation>Phê duyệt phiên bản này: sau đó có thể lên lịch</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>Từ chối...</translation>
    </message>
    <message>
        <source>Send this version back to its author with a comment</source>
        <translation>Trả lại phiên bản này cho tác giả kèm ý kiến</translation>
    </message>
    <message>
        <source>Select a post in the list to see its details and act on it.</source>
        <translation>Chọn một bài viết trong danh sách để xem chi tiết và xử lý.</translation>
    </message>
    <message>
        <source>{0} ({1}), {2}: {3}</source>
        <translation>{0} ({1}), {2}: {3}</translation>
    </message>
    <message>
        <source>Rejected by the reviewer: {0}</source>
        <translation>Bị người phê duyệt từ chối: {0}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Communiqué</source>
        <extracomment>Whether the welcome switched this process to practice mode (through its environment variable, which the settings then report as &quot;set by the environment&quot; though the person set nothing). Every pack installed now, practice or not.</extracomment>
        <translation>Chào mừng đến với Communiqué</translation>
    </message>
    <message>
        <source>Nothing is set up yet. Try everything at once in a practice workspace, or add the accounts you publish to.</source>
        <translation>Chưa có gì được thiết lập. Hãy thử mọi thứ ngay trong một không gian luyện tập, hoặc thêm các tài khoản bạn đăng bài.</translation>
    </message>
    <message>
        <source>Start a practice workspace</source>
        <translation>Bắt đầu không gian luyện tập</translation>
    </message>
    <message>
        <source>Practice accounts on the built-in platform emulator (a Facebook Page in Vietnamese, X accounts in English, Japanese and Ukrainian, each in its own time zone) and small practice language packs, in a practice database of their own. Nothing leaves this computer, and practice translations are gibberish: install real packs to translate for real.</source>
        <translation>Các tài khoản luyện tập trên trình mô phỏng nền tảng có sẵn (một Trang Facebook bằng tiếng Việt, các tài khoản X bằng tiếng Anh, tiếng Nhật và tiếng Ukraina, mỗi tài khoản theo múi giờ riêng) và các gói ngôn ngữ luyện tập nhỏ, trong một cơ sở dữ liệu luyện tập riêng. Không có gì rời khỏi máy tính này, và bản dịch luyện tập là chữ vô nghĩa: hãy cài gói thật để dịch thật.</translation>
    </message>
    <message>
        <source>Add my real accounts</source>
        <translation>Thêm các tài khoản thật của tôi</translation>
    </message>
    <message>
        <source>Opens Accounts: a Facebook Page, an X account or another platform, with its credentials (kept in the system keyring).</source>
        <translation>Mở màn hình Tài khoản: một Trang Facebook, một tài khoản X hoặc nền tảng khác, kèm thông tin xác thực (lưu trong kho khóa của hệ thống).</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Open the practice workspace</source>
        <translation>Mở không gian luyện tập</translation>
    </message>
    <message>
        <source>Practice mode is switched off by the environment variable {0}.</source>
        <translation>Chế độ luyện tập đang bị tắt bởi biến môi trường {0}.</translation>
    </message>
    <message>
        <source>Language packs installed: {0}.</source>
        <translation>Các gói ngôn ngữ đã cài: {0}.</translation>
    </message>
    <message>
        <source>No language pack is installed yet: translating needs one for each pair of languages (or two through English). Install a pack file on the Language packs screen, or download one there (that needs the internet).</source>
        <translation>Chưa cài gói ngôn ngữ nào: để dịch cần một gói cho mỗi cặp ngôn ngữ (hoặc hai gói qua tiếng Anh). Hãy cài tệp gói ở màn hình Gói ngôn ngữ, hoặc tải về tại đó (cần Internet).</translation>
    </message>
    <message>
        <source>Making the practice workspace…</source>
        <translation>Đang tạo không gian luyện tập…</translation>
    </message>
    <message>
        <source>Building the practice language pack {0}…</source>
        <translation>Đang tạo gói ngôn ngữ luyện tập {0}…</translation>
    </message>
    <message>
        <source>Ready: {0} practice accounts and {1} practice language packs.</source>
        <translation>Sẵn sàng: {0} tài khoản luyện tập và {1} gói ngôn ngữ luyện tập.</translation>
    </message>
    <message>
        <source>No language pack for {0} -&gt; {1}: install one on the Language packs screen.</source>
        <translation>Không có gói ngôn ngữ cho {0} -&gt; {1}: hãy cài một gói ở màn hình Gói ngôn ngữ.</translation>
    </message>
</context>
</TS>
