import { describe, expect, it } from "vitest";
import { defaultBuildEnv } from "../../scripts/freshBuild";

describe("the tests' build environment", () => {
  it("drops every setting that makes a build other than the default one, and keeps the rest", () => {
    const env = { PATH: "/usr/bin", HOME: "/home/user", ADDIN_URL: "https://addins.example.nhs.uk/crs/", OFFICE_JS: "local", DEV_SERVER_PORT: "3443" };
    expect(defaultBuildEnv(env)).toEqual({ PATH: "/usr/bin", HOME: "/home/user" });
    expect(env.DEV_SERVER_PORT).toBe("3443");
  });
});
