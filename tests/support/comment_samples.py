"""Short, comment-sized texts as an embassy's audience writes them, in the office's six languages.

Used by the language-detection tests and the feedback benchmark. Each language has a dozen:
questions, thanks, complaints about a link, one-word replies, some with emoji, a mention, a
hashtag or a link (which detection must ignore). :func:`published_variant` and
:func:`add_comments` put comments in a store the way the collector leaves them (language unknown).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from core.services import accounts, posts
from core.store import Store
from core.store.tables import comments, variants

#: When the first comment of :func:`add_comments` was written; each next one a minute later.
START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)

#: language -> comments written in it.
SAMPLES: dict[str, tuple[str, ...]] = {
    "vi": (
        "Cảm ơn Bộ Ngoại giao đã thông tin kịp thời!",
        "Tự hào về đất nước mình quá 🇻🇳",
        "Chúc chuyến thăm thành công tốt đẹp.",
        "Bao giờ thì có lịch làm hộ chiếu mới ạ?",
        "Đại sứ quán cho em hỏi thủ tục xin visa ở đâu ạ",
        "Hay quá, mong hai nước hợp tác nhiều hơn nữa",
        "Thông tin rất hữu ích, cảm ơn ad",
        "Mình ở Berlin, có ai đi sự kiện này không?",
        "Sao link https://mofa.gov.vn/lich không mở được vậy mọi người?",
        "@BoNgoaiGiaoVN ủng hộ! #ViệtNam muôn năm",
        "Cảm ơn!",
        "Tuyệt vời 👏👏",
    ),
    "en": (
        "Great news, congratulations to both countries!",
        "When will the embassy reopen for visa appointments?",
        "Thanks for sharing, very informative.",
        "Looking forward to the cultural festival next month",
        "Is there a livestream of the meeting?",
        "The link https://mofa.gov.vn/en/news doesn't work for me",
        "Proud to see this partnership growing 👏",
        "Where can I find the full statement?",
        "Well done, minister. Keep it up!",
        "@MOFA_VietNam any updates on the trade agreement? #trade",
        "Thank you!",
        "Beautiful photos 😍",
    ),
    "ja": (
        "素晴らしいニュースですね！",
        "ビザの申請はいつから再開されますか？",
        "両国の友好がさらに深まりますように。",
        "情報ありがとうございます。",
        "来月のイベントに参加したいです",
        "リンク https://vnembassy-jp.org/ja/ が開けません…",
        "大使館の皆さん、お疲れ様です！",
        "ベトナム大好きです🇻🇳",
        "会議の詳細はどこで見られますか",
        "@VNEmbassyJapan とても楽しみにしています #日越友好",
        "ありがとう",
        "行きたい！",
    ),
    "de": (
        "Tolle Nachrichten, herzlichen Glückwunsch!",
        "Wann öffnet die Botschaft wieder für Visaanträge?",
        "Danke für die Informationen.",
        "Ich freue mich auf das Kulturfest im nächsten Monat",
        "Gibt es einen Livestream vom Treffen?",
        "Der Link https://vnembassy.de/de funktioniert bei mir leider nicht",
        "Schön zu sehen, dass die Zusammenarbeit wächst",
        "Wo finde ich die vollständige Erklärung?",
        "Gute Arbeit, weiter so! 👍",
        "@VNBotschaft gibt es schon Neuigkeiten zum Handelsabkommen? #Handel",
        "Vielen Dank!",
        "Wunderschöne Bilder",
    ),
    "hi": (
        "बहुत अच्छी खबर, दोनों देशों को बधाई!",
        "वीज़ा के लिए आवेदन कब से शुरू होंगे?",
        "जानकारी के लिए धन्यवाद।",
        "अगले महीने के सांस्कृतिक उत्सव का इंतज़ार है",
        "क्या बैठक का सीधा प्रसारण होगा?",
        "पोस्ट में दिया गया लिंक https://vnembassy.in/hi नहीं खुल रहा है",
        "भारत और वियतनाम की दोस्ती ज़िंदाबाद 🇮🇳🇻🇳",
        "पूरा बयान कहाँ मिलेगा?",
        "शानदार काम, मंत्री जी!",
        "@VNEmbassyIndia व्यापार समझौते पर कोई नई जानकारी? #भारत",
        "धन्यवाद",
        "बहुत सुंदर तस्वीरें",
    ),
    "uk": (
        "Чудові новини, вітаю обидві країни!",
        "Коли посольство знову прийматиме документи на візу?",
        "Дякую за інформацію.",
        "Чекаю на фестиваль культури наступного місяця",
        "Чи буде пряма трансляція зустрічі?",
        "Посилання https://vnembassy.org.ua/uk в дописі не відкривається",
        "Приємно бачити, що співпраця розвивається",
        "Де можна знайти повну заяву?",
        "Гарна робота, так тримати! 💪",
        "@VNEmbassyUA є якісь новини щодо торговельної угоди? #Україна",
        "Дякую!",
        "Дуже гарні фото",
    ),
}

#: Vietnamese typed without its diacritics (as on a phone without a Vietnamese keyboard): no
#: detector tells it apart reliably, so the platform's hint or "unknown" must answer.
UNACCENTED_VIETNAMESE: tuple[str, ...] = (
    "cam on nhieu",
    "cam on ban da chia se",
    "toi rat tu hao ve dat nuoc minh",
    "bao gio co lich lam ho chieu a",
    "hay qua ad oi",
    "chuc chuyen tham thanh cong",
)


def published_variant(store: Store, *, name: str = "Hà Nội", language: str = "vi", platform: str = "x") -> int:
    """An account and one post published on it; the variant's id (comments answer it)."""
    accounts.add_account(store, name=name, platform=platform, language=language, timezone="Asia/Ho_Chi_Minh")
    post = posts.create_post(store, text="Hội nghị thượng đỉnh hôm nay", accounts=[name])
    variant_id = post.variants[0].id
    with store.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(status="published", remote_id=f"r{variant_id}", remote_url=f"https://example.org/{variant_id}")
        )
    return variant_id


def add_comments(
    store: Store, variant_id: int, texts: Sequence[str], *, hints: Sequence[str | None] | None = None, first: int = 0
) -> list[int]:
    """Comments on ``variant_id`` with these texts (and platform hints), a minute apart, language unknown; their ids."""
    with store.read() as conn:
        account_id = conn.execute(select(variants.c.account_id).where(variants.c.id == variant_id)).scalar_one()
    rows = [
        {
            "variant_id": variant_id,
            "account_id": account_id,
            "remote_id": f"c{first + n}",
            "author_name": f"Reader {n % 7}",
            "text": text,
            "platform_language": hints[n] if hints is not None else None,
            "created_at": START + timedelta(minutes=first + n),
            "first_seen_at": START,
            "last_seen_at": START,
        }
        for n, text in enumerate(texts)
    ]
    with store.write() as conn:
        conn.execute(comments.insert(), rows)
        found = conn.execute(
            select(comments.c.id)
            .where(comments.c.variant_id == variant_id, comments.c.remote_id.in_([r["remote_id"] for r in rows]))
            .order_by(comments.c.created_at)
        )
        return [row.id for row in found]
