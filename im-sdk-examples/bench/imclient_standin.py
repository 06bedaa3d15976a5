#!/usr/bin/env python3
"""A stand-in for im_client 2.0 in the one-shot benchmark (im_client is not installable on the build machine).

It makes the same HTTP calls with the same library as im_client (requests), reads im_client.cfg and auth.dat the
same simple way, and prints the same lines, for: list, getstate, getoutputs, create, destroy. It imports what
im_client's CLI imports at start-up that matters for time (requests, json, configparser); im_client also imports
its RADL parser (ply), which this stand-in does not, so the stand-in is, if anything, faster than im_client.
"""
import configparser
import json
import os
import sys

import requests


def auth_header(path):
    lines = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                pairs = [p.split("=", 1) for p in line.split(";") if "=" in p]
                lines.append("".join("%s = %s;" % (k.strip(), v.strip()) for k, v in pairs))
    return "\\n".join(lines) + "\\n"


def main():
    config = configparser.RawConfigParser()
    config.read(["im_client.cfg", os.path.expanduser("~/.im_client.cfg")])
    url = config.get("im_client", "restapi_url").rstrip("/")
    auth = auth_header(config.get("im_client", "auth_file"))
    op, args = sys.argv[1], sys.argv[2:]
    print("Connected with: " + url)
    headers = {"Authorization": auth, "Accept": "application/json"}
    if op == "list":
        r = requests.get(url + "/infrastructures", headers=headers)
        ids = [os.path.basename(list(e.values())[0]) for e in r.json()["uri-list"]]
        print("Infrastructure IDs: \n  %s" % "\n  ".join(ids) if ids else "No Infrastructures.")
    elif op == "getstate":
        r = requests.get("%s/infrastructures/%s/state" % (url, args[0]), headers=headers)
        res = r.json()["state"]
        print("The infrastructure is in state: %s" % res["state"])
        for vm, st in res["vm_states"].items():
            print("VM ID: %s is in state: %s." % (vm, st))
    elif op == "getoutputs":
        r = requests.get("%s/infrastructures/%s/outputs" % (url, args[0]), headers=headers)
        print("The infrastructure outputs:\n")
        for k, v in r.json()["outputs"].items():
            print("%s = %s" % (k, v))
    elif op == "create":
        with open(args[0]) as f:
            data = f.read()
        h = {"Authorization": auth, "Content-Type": "text/yaml"}
        r = requests.post(url + "/infrastructures?async=yes", headers=h, data=data)
        print("Infrastructure successfully created with ID: %s" % os.path.basename(r.text))
    elif op == "destroy":
        r = requests.delete("%s/infrastructures/%s" % (url, args[0]), headers={"Authorization": auth})
        print("Infrastructure successfully destroyed")
    return 0 if r.status_code == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
