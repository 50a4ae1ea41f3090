"""Posts in four scripts, and the protected spans each must yield, in order."""

from __future__ import annotations

from translation.spans import Kind

#: One post per language, mixing prose with URLs, e-mail addresses, mentions, tags and emoji.
POSTS = {
    "vi": "Bộ Ngoại giao thông báo: xem https://mofa.gov.vn/tin-tuc?id=57&lang=vi (chi tiết). "
    "Liên hệ press@mofa.gov.vn, @VNMOFA #ViệtNam $VNM 🇻🇳👍🏽\nNghị quyết 57-NQ/TW.",
    "ja": "外務省の発表です。詳しくは https://www.mofa.go.jp/ja/ をご覧ください 🙇‍♂️ #外務省 @MofaJapan_jp\r\n次の行",
    "hi": "विदेश मंत्रालय की प्रेस विज्ञप्ति #भारत @MEAIndia https://mea.gov.in/press.htm 🙏\nधन्यवाद।",
    "uk": "Міністерство закордонних справ: www.mfa.gov.ua, @MFA_Ukraine #Україна 🇺🇦 — дякуємо! 👨‍👩‍👧",
}

#: The protected spans of each post, in order.
EXPECTED = {
    "vi": [
        (Kind.URL, "https://mofa.gov.vn/tin-tuc?id=57&lang=vi"),
        (Kind.EMAIL, "press@mofa.gov.vn"),
        (Kind.MENTION, "@VNMOFA"),
        (Kind.HASHTAG, "#ViệtNam"),
        (Kind.CASHTAG, "$VNM"),
        (Kind.EMOJI, "🇻🇳"),
        (Kind.EMOJI, "👍🏽"),
        (Kind.NEWLINE, "\n"),
    ],
    "ja": [
        (Kind.URL, "https://www.mofa.go.jp/ja/"),
        (Kind.EMOJI, "🙇‍♂️"),
        (Kind.HASHTAG, "#外務省"),
        (Kind.MENTION, "@MofaJapan_jp"),
        (Kind.NEWLINE, "\r\n"),
    ],
    "hi": [
        (Kind.HASHTAG, "#भारत"),
        (Kind.MENTION, "@MEAIndia"),
        (Kind.URL, "https://mea.gov.in/press.htm"),
        (Kind.EMOJI, "🙏"),
        (Kind.NEWLINE, "\n"),
    ],
    "uk": [
        (Kind.URL, "www.mfa.gov.ua"),
        (Kind.MENTION, "@MFA_Ukraine"),
        (Kind.HASHTAG, "#Україна"),
        (Kind.EMOJI, "🇺🇦"),
        (Kind.EMOJI, "👨‍👩‍👧"),
    ],
}
