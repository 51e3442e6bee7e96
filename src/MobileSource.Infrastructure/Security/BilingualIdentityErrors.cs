using MobileSource.Domain.Text;
using Microsoft.AspNetCore.Identity;

namespace MobileSource.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's password messages in the reader's language (the admin page shows them next to the field).</summary>
public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Say(base.PasswordTooShort(length), $"密码至少 {length} 个字符");

    public override IdentityError PasswordRequiresDigit() => Say(base.PasswordRequiresDigit(), "密码至少包含一个数字（0-9）");

    public override IdentityError PasswordRequiresLower() => Say(base.PasswordRequiresLower(), "密码至少包含一个小写字母（a-z）");

    public override IdentityError PasswordRequiresUpper() => Say(base.PasswordRequiresUpper(), "密码至少包含一个大写字母（A-Z）");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Say(base.PasswordRequiresNonAlphanumeric(), "密码至少包含一个符号");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Say(base.PasswordRequiresUniqueChars(uniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符");

    private static IdentityError Say(IdentityError english, string chinese) =>
        new() { Code = english.Code, Description = Bilingual.Text(english.Description, chinese) };
}
