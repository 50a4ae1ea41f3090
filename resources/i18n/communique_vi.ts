<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
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
        <source>Added {0}. Verify it to check its credentials.</source>
        <translation>Đã thêm {0}. Hãy kiểm tra để xác nhận thông tin xác thực.</translation>
    </message>
    <message>
        <source>Nothing changed for {0}.</source>
        <translation>Không có gì thay đổi cho {0}.</translation>
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
        <extracomment>Typing in the search boxes waits this long before loading (one load per pause, not per key). Emitted after each load (or next page) is on screen. Emitted with the file written, or ``&quot;&quot;`` after a failed export. Events per page (a test makes pages small). Asks where to export (a test answers instead); ``&quot;&quot;`` when the person cancelled.</extracomment>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Today</source>
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
        <translation>{0} đã bị thay đổi trong lúc đó</translation>
    </message>
    <message>
        <source>Someone changed the text for {0} after you opened it. Keep yours, or take theirs.</source>
        <translation>Có người đã sửa nội dung cho {0} sau khi bạn mở. Giữ bản của bạn, hoặc lấy bản của họ.</translation>
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
        <extracomment>Emitted after each dashboard load is on screen (tests wait on it). Emitted after the heatmap shows an account&apos;s history. Emitted with the file written, or ``&quot;&quot;`` after a failed export. Opens a web address (a test records it instead). Asks where to export (a test answers instead); ``&quot;&quot;`` when the person cancelled.</extracomment>
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
        <source>Someone else changed this text meanwhile; choose which to keep.</source>
        <translation>Có người khác đã sửa nội dung này trong lúc đó; hãy chọn bản muốn giữ.</translation>
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
