import { expect, test, type Locator, type Page } from '@playwright/test';
import type { MessageKey, MessageParams } from '../../domain/i18n/messages';
import { translator } from '../../domain/i18n/translator';
import type { Locale } from '../../domain/locale';
import type { Service } from '../../sync/protocol/catalog';
import type { FormField } from '../../sync/protocol/form-schema';
import type { RunningKiosk } from './kiosk-fixture';
import { CITIZEN, defaultAnswer } from './journey-answers';
import { closeKeyboard, typeOnKeyboard } from './journey-keyboard';
import type { SubmittedApplication } from './journey-platform';
import type { ScreenRecorder } from './screens';

// The citizen's steps as a tester drives them through the real screens: touch to start,
// choose a service, put the card on the reader, fill the form from the service's schema on
// the on-screen keyboard, sign, photograph or defer materials, confirm, and what follows.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}`);

/** A printed job as the printer simulator decodes it (devices/printer/printed-job.ts). */
export interface PrintedReceipt {
  text: string;
  qr: string[];
}

export interface MaterialPlan {
  /** Material ids photographed with the document camera. */
  capture?: string[];
  /** Material ids deferred under 容缺. */
  defer?: string[];
}

/** A tester at the kiosk: every step checks what the citizen would see before going on. */
export class KioskVisit {
  locale: Locale = 'zh-CN';
  private shotCameraOnce = false;

  constructor(
    readonly page: Page,
    readonly kiosk: RunningKiosk,
    readonly screens?: ScreenRecorder,
  ) {}

  t(key: MessageKey, params?: MessageParams): string {
    return translator(this.locale)(key, params);
  }

  local(text: { 'zh-CN': string; en: string }): string {
    return text[this.locale];
  }

  async shot(screen: string): Promise<void> {
    await this.screens?.capture(screen);
  }

  button(key: MessageKey, scope: Page | Locator = this.page): Locator {
    return scope.getByRole('button', { name: this.t(key), exact: true });
  }

  attractButton(): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(escapeRegExp(this.t('attract.touch'))),
    });
  }

  async open(): Promise<void> {
    // The reader holds whatever card the last citizen left on it.
    await this.kiosk.sim('DELETE', '/idcard/card');
    await this.page.goto(this.kiosk.url);
    await expect(this.attractButton()).toBeVisible();
  }

  async touchToStart(): Promise<void> {
    await this.attractButton().click();
    await expect(this.page.getByRole('heading', { name: this.t('catalog.title') })).toBeVisible();
  }

  serviceTile(service: Service): Locator {
    return this.page.getByRole('button', { name: startsWith(this.local(service.name)) });
  }

  async chooseService(service: Service): Promise<void> {
    await expect(this.serviceTile(service)).toBeVisible({ timeout: 30_000 });
    await this.shot('catalog');
    await this.serviceTile(service).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.local(service.name) }),
    ).toBeVisible();
    await this.shot('guide');
  }

  async startService(): Promise<void> {
    await this.button('guide.start').click();
  }

  async identifyByCard(): Promise<void> {
    const page = this.page;
    await expect(page.getByText(this.t('identify.cardPrompt')).first()).toBeVisible();
    await this.shot('identify');
    await this.kiosk.sim('POST', '/idcard/card', {
      name: CITIZEN.name,
      idNumber: CITIZEN.idNumber,
    });
    await expect(page.getByRole('heading', { name: this.t('identify.confirmed') })).toBeVisible();
    await expect(page.getByText(CITIZEN.maskedName).first()).toBeVisible();
    await expect(page.getByText(CITIZEN.maskedId).first()).toBeVisible();
    await this.expectNothingInClear();
    await this.shot('identified');
    await this.button('identify.continue').click();
    await expect(page.getByRole('heading', { name: this.t('form.title') })).toBeVisible();
  }

  /** From the catalogue to the form: the service chosen, started, the card read. */
  async identifiedFor(service: Service): Promise<void> {
    await this.chooseService(service);
    await this.startService();
    await this.identifyByCard();
  }

  async takeCardAway(): Promise<void> {
    await this.kiosk.sim('DELETE', '/idcard/card');
  }

  /** Neither the name nor the number may be on the screen in clear, anywhere. */
  async expectNothingInClear(): Promise<void> {
    const text = await this.page.locator('body').innerText();
    expect(text.includes(CITIZEN.name), 'the full name is on screen').toBe(false);
    expect(text.includes(CITIZEN.idNumber), 'the full ID number is on screen').toBe(false);
  }

  /** The field's own control, found by the label the form ties it to. */
  fieldBox(field: FormField): Locator {
    return this.page.locator('.form-field', { has: this.page.locator(`#label-${field.key}`) });
  }

  /**
   * Fills every field the card left empty from the service's schema: required ones always,
   * optional ones only when `answers` names them. Values locked from the card are checked.
   */
  async fillForm(service: Service, answers: Record<string, string> = {}): Promise<void> {
    await this.shot('form');
    let keyboardShot = false;
    for (const field of service.form.fields) {
      const box = this.fieldBox(field);
      if (field.prefill === 'name') {
        await expect(box).toContainText(CITIZEN.maskedName);
        continue;
      }
      if (field.prefill === 'idNumber') {
        await expect(box).toContainText(CITIZEN.maskedId);
        continue;
      }
      if (field.prefill === 'address') {
        await expect(box.getByRole('button')).not.toHaveText(this.t('form.edit'));
        continue;
      }
      if (!field.required && !(field.key in answers)) continue;
      const answer = answers[field.key] ?? defaultAnswer(field);
      if (answer === undefined) continue;
      if (field.type === 'choice') {
        const option = field.options.find((o) => o.value === answer);
        if (!option) throw new Error(`no option ${answer} in ${field.key}`);
        // Several answers are checkboxes, one answer a radio; either is named by its label.
        const choice = box.getByRole(field.multiple ? 'checkbox' : 'radio', {
          name: this.local(option.label),
          exact: true,
        });
        await choice.click();
        await expect(choice).toHaveAttribute('aria-checked', 'true');
      } else if (field.type === 'signature') {
        await this.sign(box);
      } else {
        await box.getByRole('button').first().click();
        await typeOnKeyboard(this.page, answer);
        if (!keyboardShot) {
          keyboardShot = true;
          await this.shot('form-keyboard');
        }
        await closeKeyboard(this.page);
        await expect(box.getByRole('button').first()).toHaveText(answer);
      }
    }
    await this.expectNothingInClear();
    await this.shot('form-filled');
  }

  private async sign(box: Locator): Promise<void> {
    const pad = box.locator('canvas');
    await pad.scrollIntoViewIfNeeded();
    const rect = await pad.boundingBox();
    if (!rect) throw new Error('the signature pad is not on screen');
    const mouse = this.page.mouse;
    await mouse.move(rect.x + 40, rect.y + rect.height / 2);
    await mouse.down();
    for (let i = 1; i <= 12; i++)
      await mouse.move(rect.x + 40 + i * 30, rect.y + rect.height / 2 + ((i % 2) - 0.5) * 60);
    await mouse.up();
    await expect(box.getByText(`✓ ${this.t('form.signed')}`)).toBeVisible();
  }

  /** 下一步 from the form; the service decides whether materials come next. */
  async formNext(): Promise<void> {
    await this.button('nav.next').click();
  }

  materialRow(service: Service, id: string): Locator {
    const material = service.guide.materials.find((m) => m.id === id);
    if (!material) throw new Error(`no material ${id} in ${service.code}`);
    return this.page.locator('li.material-capture', { hasText: this.local(material.name) });
  }

  async provideMaterials(service: Service, plan: MaterialPlan): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('materials.title') })).toBeVisible();
    await this.shot('materials');
    for (const id of plan.capture ?? []) await this.photograph(service, id);
    for (const id of plan.defer ?? []) {
      const row = this.materialRow(service, id);
      await this.button('materials.defer', row).click();
      const [before = '', after = ''] = this.t('materials.deadline').split('{date}');
      await expect(row).toContainText(
        new RegExp(`${escapeRegExp(before)}\\d{4}-\\d{2}-\\d{2}${escapeRegExp(after)}`),
      );
    }
    await expect(this.button('nav.next')).toBeEnabled();
    await this.shot('materials-done');
    await this.button('nav.next').click();
  }

  private async photograph(service: Service, id: string): Promise<void> {
    const page = this.page;
    const row = this.materialRow(service, id);
    await this.button('materials.capture', row).click();
    const video = page.locator('.camera video');
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), {
        message: 'the document camera shows a picture',
      })
      .toBeGreaterThan(0);
    if (!this.shotCameraOnce) await this.shot('camera');
    await this.button('materials.capture', page.locator('.camera')).click();
    await expect(page.locator('.camera-frame img')).toBeVisible();
    if (!this.shotCameraOnce) await this.shot('camera-preview');
    this.shotCameraOnce = true;
    await this.button('materials.use').click();
    await expect(row).toContainText(this.t('materials.captured'));
    await expect(row.locator('img.material-thumb')).toBeVisible();
  }

  /** The review, the 告知承诺 where the service has one, and the confirm step. */
  async reviewAndSubmit(service: Service): Promise<SubmittedApplication> {
    const page = this.page;
    await expect(page.getByRole('heading', { name: this.t('review.title') })).toBeVisible();
    await this.expectNothingInClear();
    const promise = page.getByRole('checkbox', { name: this.t('review.acceptCommitment') });
    if (service.guide.materials.some((m) => m.promiseAllowed)) {
      await expect(this.button('review.submit')).toBeDisabled();
      await promise.click();
      await expect(promise).toHaveAttribute('aria-checked', 'true');
    } else {
      await expect(promise).toHaveCount(0);
    }
    await this.shot('review');
    await this.button('review.submit').click();
    const dialog = page.getByRole('alertdialog');
    await expect(
      dialog.getByRole('heading', { name: this.t('review.confirmTitle') }),
    ).toBeVisible();
    await this.shot('review-confirm');
    await this.button('review.confirmYes', dialog).click();
    await expect(page.getByRole('heading', { name: this.t('submitted.title') })).toBeVisible();
    const receiptNumber = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
    expect(receiptNumber).not.toBe('');
    return { receiptNumber, serviceCode: service.code };
  }

  deliveryState(): Locator {
    return this.page.locator('.delivery-state');
  }

  /**
   * Online the worker delivers at once; after an outage it waits for its next reachability
   * probe, which backs off with jitter up to a minute (sync/client/reachability.ts).
   */
  async expectAcknowledged(timeout = 75_000): Promise<void> {
    await expect(this.deliveryState()).toHaveText(this.t('submitted.acked'), { timeout });
  }

  async expectQueued(): Promise<void> {
    await expect(this.deliveryState()).toHaveText(this.t('submitted.queued'));
  }

  /** The receipt came out masked; returns it as the printer simulator decoded it. */
  async expectPrinted(receiptNumber: string): Promise<PrintedReceipt> {
    await expect(this.page.getByText(this.t('submitted.printed'))).toBeVisible({ timeout: 20_000 });
    const jobs = (await this.kiosk.sim('GET', '/printer/output')) as PrintedReceipt[];
    const receipt = jobs.find((job) => job.text.includes(receiptNumber));
    if (!receipt) throw new Error(`no receipt ${receiptNumber} among ${jobs.length} printed`);
    const printed = JSON.stringify(jobs);
    expect(printed.includes(CITIZEN.name), 'the receipt carries the full name').toBe(false);
    expect(printed.includes(CITIZEN.idNumber), 'the receipt carries the full number').toBe(false);
    return receipt;
  }

  /**
   * Watches the page from now on for the words "submitted to the platform": offline, they
   * must never show, not even for a moment between two polls.
   */
  async watchForAcknowledgement(): Promise<() => Promise<boolean>> {
    const words = this.t('submitted.acked');
    await this.page.evaluate((needle) => {
      const w = window as unknown as { __ackSeen?: boolean };
      w.__ackSeen = document.body.innerText.includes(needle);
      new MutationObserver(() => {
        if (document.body.innerText.includes(needle)) w.__ackSeen = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, words);
    return () =>
      this.page.evaluate(() => (window as unknown as { __ackSeen?: boolean }).__ackSeen === true);
  }

  /** The farewell screen, in the citizen's language (its caption says the same words). */
  farewell(): Locator {
    return this.page.getByRole('region', { name: this.t('goodbye.title') });
  }

  /** 完成: the privacy wipe, and the farewell in the citizen's language. */
  async finish(): Promise<void> {
    await this.button('submitted.finish').click();
    await expect(this.farewell()).toBeVisible();
    await this.expectNothingInClear();
  }

  /**
   * The farewell gives way by itself to the attract screen, in the kiosk's own language
   * again. (Not touched: it may already be leaving, and a touch would race it.)
   */
  async awaitNextCitizen(): Promise<void> {
    this.locale = 'zh-CN';
    await expect(this.attractButton()).toBeVisible();
  }

  /** The whole journey of a service with a form, from the attract screen to the receipt. */
  async applyFor(
    service: Service,
    options: {
      answers?: Record<string, string>;
      materials?: MaterialPlan;
      beforeSubmit?: () => Promise<void>;
    } = {},
  ): Promise<SubmittedApplication> {
    await test.step(`apply for ${service.name['zh-CN']}`, async () => {
      await this.open();
      await this.shot('attract');
      await this.touchToStart();
      await this.identifiedFor(service);
      await this.fillForm(service, options.answers);
      await this.formNext();
      if (service.guide.materials.some((m) => m.scan && !m.promiseAllowed))
        await this.provideMaterials(service, options.materials ?? defaultMaterials(service));
      await options.beforeSubmit?.();
    });
    return this.reviewAndSubmit(service);
  }
}

/** Every required material photographed, nothing optional. */
export function defaultMaterials(service: Service): MaterialPlan {
  return {
    capture: service.guide.materials
      .filter((m) => m.scan && !m.promiseAllowed && m.required)
      .map((m) => m.id),
  };
}
