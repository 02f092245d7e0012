// Screenshots of the sandbox's key states for the README and docs/sandbox.md, taken in Chromium
// from the same harness as the end-to-end tests. Run: npm run docs:screenshots
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SandboxConsoleApi } from '../console/main.ts';
import { IDS } from '../console/fixtures.ts';
import {
    answerCall,
    eventually,
    finishCall,
    offerCall,
    openConsole,
    openSandbox,
    selectTask,
    softphoneFrame,
    taskOf,
    tasksOf
} from '../e2e/harness.ts';

const IMAGES = path.resolve(import.meta.dirname, '../../docs/images');
type ConsoleWindow = Window & { sandboxConsole: SandboxConsoleApi };

async function shoot(page: Page, name: string): Promise<void> {
    // Let transitions and the last LMS message settle.
    await page.waitForTimeout(600);
    const file = path.join(IMAGES, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`docs/images/${name}.png`);
}

await mkdir(IMAGES, { recursive: true });
const sandbox = await openSandbox();
try {
    {
        // One match: the record pops and the call is linked to it.
        const { page, softphone } = await openConsole(sandbox);
        await page.click('#softphone-item');
        const offered = await answerCall(softphone, '+12125550142');
        await eventually(
            () => taskOf(softphone, offered.reservationSid),
            (task) => task?.attributes.sfdcObjectId === IDS.graceContact
        );
        await selectTask(softphone, offered.reservationSid);
        await shoot(page, 'screen-pop');
        await page.close();
    }
    {
        // Several matches: the record picker and Flex's task canvas both offer the candidates.
        const { page, softphone } = await openConsole(sandbox);
        await page.click('#picker-item');
        await page.click('#softphone-item');
        const offered = await answerCall(softphone, '+14155550123');
        await selectTask(softphone, offered.reservationSid);
        await page.locator('c-flex-record-picker [data-id="candidates"] button').first().waitFor();
        await softphone.getByRole('radio').first().waitFor();
        await shoot(page, 'several-matches');
        await page
            .locator('c-flex-record-picker [data-id="candidates"] button', {
                hasText: 'Ada Byron'
            })
            .click();
        await page
            .locator('c-flex-record-picker [data-id="selected"]', { hasText: 'Ada Byron' })
            .waitFor();
        await softphone.locator('input[type="radio"]:checked').waitFor();
        await shoot(page, 'record-chosen');
        await page.close();
    }
    {
        // Click-to-dial from a record page: Flex places the call with the record linked.
        const { page, softphone } = await openConsole(sandbox, `#/${IDS.lindaLead}`);
        await page.locator('[data-click-to-dial="Phone"]').click();
        await eventually(
            () => tasksOf(softphone),
            (tasks) => tasks.some((task) => task.status === 'accepted')
        );
        await shoot(page, 'click-to-dial');
        await page.close();
    }
    {
        // The utility bar while a call rings: the Phone item says so, with the alert icon.
        const { page, softphone } = await openConsole(sandbox);
        await offerCall(softphone, '+12125550142');
        await page.locator('#softphone-item-label', { hasText: 'Incoming call' }).waitFor();
        await shoot(page, 'utility-bar-ringing');
        await page.close();
    }
    {
        // Salesforce refusing saveLog: the log waits in Flex's task list until it is saved.
        const { page, softphone } = await openConsole(sandbox);
        await page.evaluate(() =>
            (window as unknown as ConsoleWindow).sandboxConsole.inject({
                methodName: 'saveLog',
                mode: 'fail',
                count: 50
            })
        );
        await page.click('#softphone-item');
        const offered = await answerCall(softphone, '+12125550142');
        await eventually(
            () => taskOf(softphone, offered.reservationSid),
            (task) => task?.attributes.sfdcObjectId === IDS.graceContact
        );
        await finishCall(softphone, offered.reservationSid);
        await softphone.getByText('Activity logs waiting for Salesforce: 1').waitFor();
        await shoot(page, 'pending-logs');
        await page.close();
    }
    {
        // Salesforce failing: Flex keeps working and tells the agent why.
        const { page } = await openConsole(sandbox);
        await page.evaluate(() => {
            const api = (window as unknown as ConsoleWindow).sandboxConsole;
            api.inject({ methodName: 'subscribe', mode: 'fail', count: 1 });
            api.reloadSoftphone();
        });
        await page.click('#softphone-item');
        const softphone = await softphoneFrame(page);
        await softphone
            .getByText(/Salesforce .* is off: .*Calls and chats still work/)
            .first()
            .waitFor({ timeout: 15000 });
        await shoot(page, 'salesforce-failing');
        await page.close();
    }
    {
        // The demo CRM: Flex inside an ordinary web app, several customers matching a call.
        const page = await sandbox.browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`${sandbox.server.origins.app}/app/`);
        const frame = await (await page.waitForSelector('#flex-panel iframe')).contentFrame();
        if (!frame) throw new Error('no Flex frame in the demo CRM');
        await frame.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
        await page.getByText('Flex is connected').waitFor({ timeout: 30000 });
        const offered = await answerCall(frame, '+14155550123');
        await selectTask(frame, offered.reservationSid);
        await page.locator('#chooser [data-choose="CUS-1"]').waitFor();
        await frame.getByRole('radio').first().waitFor();
        await shoot(page, 'demo-crm');
        await page.close();
    }
} finally {
    await sandbox.close();
}
