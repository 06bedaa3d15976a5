package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = Redactor.generic();

  @Test
  void masksSecretValuesOfRadlEchoedByIm() {
    // Given an IM message that repeats the user's RADL with credentials in each RADL form
    String text = "Error launching the VMs: system node ( disk.0.os.credentials.password = 'S3cr3t-Pw' and "
        + "disk.0.os.credentials.private_key = \"-----BEGIN KEY-----\nAAAAkeydata\n-----END KEY-----\" and "
        + "disk.0.os.credentials.public_key = ssh-rsa-AAAApub and ec2.token=tok-123, "
        + "Secret_Access_Key = 'aws-sk' and disk.0.os.credentials.username = 'cloudadm' )";

    // When it is scrubbed
    String out = redactor.scrub(text);

    // Then every secret value is masked, its quotes kept, and the rest left alone
    assertThat(out).doesNotContain("S3cr3t-Pw", "keydata", "AAAApub", "tok-123", "aws-sk")
        .contains("disk.0.os.credentials.password = '***'")
        .contains("disk.0.os.credentials.private_key = \"***\"")
        .contains("disk.0.os.credentials.public_key = ***")
        .contains("ec2.token=***,")
        .contains("disk.0.os.credentials.username = 'cloudadm'");
  }

  @Test
  void masksAValueCutOffByTheEndOfTheText() {
    // Given a capped message that ends inside a quoted password
    String out = redactor.scrub("system x ( disk.0.os.credentials.password = 'half-of-the-pass");

    // Then the visible part is masked too
    assertThat(out).doesNotContain("half-of-the-pass").endsWith("password = '***'");
  }

  @Test
  void masksSecretValuesInJsonAndPythonDictForms() {
    // Given RADL-JSON and the Python dict form IM prints
    String text = "[{\"class\": \"system\", \"disk.0.os.credentials.password\": \"pw\\\"x\", "
        + "\"client_secret\":\"cs-1\", \"name\": \"node\"}] {'access_token': 'at-9', 'id': 'ost'}";

    // When it is scrubbed
    String out = redactor.scrub(text);

    // Then the secret values are masked and the others kept
    assertThat(out).doesNotContain("pw\\\"x", "cs-1", "at-9")
        .contains("\"disk.0.os.credentials.password\": \"***\"")
        .contains("\"client_secret\":\"***\"")
        .contains("'access_token': '***'")
        .contains("\"name\": \"node\"", "'id': 'ost'");
  }

  @Test
  void leavesOrdinaryWordsAlone() {
    // Given text that names secret-like words without a value
    String text = "the password is wrong; check your token";

    // Then nothing changes
    assertThat(redactor.scrub(text)).isEqualTo(text);
  }

  @Test
  void masksAShortPasswordWhereverItStandsAsAWholeToken() {
    // Given a header whose password has only three characters
    Redactor r = Redactor.forHeader("id = one; type = OpenNebula; username = u1; password = p9x");

    // When server text repeats it as a whole token and contains it inside ordinary words
    String out = r.scrub("login with p9x failed (p9x); the word p9xylophone stays");

    // Then each whole-token occurrence is masked and the longer word is left alone
    assertThat(out).isEqualTo("login with *** failed (***); the word p9xylophone stays");
  }

  @Test
  void masksALongSecretEmbeddedInALongerToken() {
    // Given a header with a long token value
    Redactor r = Redactor.forHeader("id = os; type = OpenStack; username = u; password = S3cretValue");

    // When server text embeds it inside a longer token, a URL and a JSON string
    String out = r.scrub("got xyzS3cretValuexyz at https://h/?k=S3cretValue&x=1 {\"v\":\"aS3cretValueb\"}");

    // Then no occurrence survives
    assertThat(out).doesNotContain("S3cretValue")
        .isEqualTo("got xyz***xyz at https://h/?k=***&x=1 {\"v\":\"a***b\"}");
  }
}
