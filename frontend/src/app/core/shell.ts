import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { QuickLog } from '../interactions/quick-log';
import { SearchBox } from '../search/search-box';
import { Auth } from './auth';
import { loginPath } from './auth-guard';

type NavEntry = { label: string; link: string; exact: boolean };

/** The frame around every signed-in page: toolbar, navigation, main content. */
@Component({
  selector: 'app-shell',
  imports: [
    MatButton,
    MatIconButton,
    MatListItem,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    SearchBox,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  host: { '(document:keydown)': 'onShortcut($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly quickLog = inject(QuickLog);

  /** Phones and narrow windows get an overlay menu; wider screens keep it open at the side. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 839.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly user = this.auth.user;
  protected readonly userName = computed(() => this.user()?.displayName ?? '');

  /** The town's staff (not associations) logs exchanges and has follow-ups. */
  protected readonly staff = computed(() => Boolean(this.user()) && this.user()?.role !== 'association');

  protected readonly navigation = computed<readonly NavEntry[]>(() =>
    // Associations get their own portal and nothing else; the rest is for the town's staff.
    this.user()?.role === 'association' ? [{ label: 'Ma fiche', link: '/portail', exact: false }] : this.staffNavigation(),
  );

  /** Only pages that work are listed, and only those the user's role may open. */
  private staffNavigation(): NavEntry[] {
    if (!this.user()) return [];
    return [
      { label: 'Accueil', link: '/', exact: true },
      { label: 'Mes suivis', link: '/suivis', exact: false },
      { label: 'Échanges', link: '/interactions', exact: false },
      { label: 'Partenaires', link: '/partenaires', exact: false },
      { label: 'Contacts', link: '/contacts', exact: false },
      { label: 'Projets', link: '/projets', exact: false },
      { label: 'Visites', link: '/visites', exact: false },
      { label: 'Objectifs', link: '/objectifs', exact: false },
      { label: 'Rapport annuel', link: '/rapport-annuel', exact: false },
      { label: 'Propositions', link: '/propositions', exact: false },
      { label: 'Plan d’action', link: '/plan', exact: false },
      ...(this.user()?.role === 'admin'
        ? [
            { label: 'Import', link: '/donnees/import', exact: false },
            { label: 'Conservation', link: '/donnees/conservation', exact: false },
            { label: 'Comptes', link: '/comptes', exact: false },
          ]
        : []),
    ];
  }

  protected logInteraction(): void {
    void this.quickLog.openDialog();
  }

  /** "n" outside a text field, or Alt+N anywhere, opens the quick log. */
  protected onShortcut(event: KeyboardEvent): void {
    if (!this.staff() || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'n') return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const editable = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (event.altKey || (!editable && !event.shiftKey)) {
      if (target?.closest('.mat-mdc-dialog-container')) return;
      event.preventDefault();
      this.logInteraction();
    }
  }

  /** With <base href="/">, a bare "#contenu" link would load the home page: move the focus instead. */
  protected skipToContent(event: Event, content: HTMLElement): void {
    event.preventDefault();
    content.focus();
  }

  protected closeIfOverlay(sidenav: MatSidenav): void {
    if (this.narrow()) void sidenav.close();
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigateByUrl(loginPath);
  }
}
